import { lipaChat } from '../../shared/providers/lipaChat';
import { sendButtonsOperation, sendListOperation } from '../../shared/send/sendChoices';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';
import { messageIdOption } from './messageIdOption';

const setup = {
	recipientDescription:
		"The customer's phone number in any common format (+254 712 345678, 254712345678); a customer message's from from the WhatsApp Trigger answers them. Only works within 24 hours of the customer's last message.",
	options: [messageIdOption, windowClosedOutputOption],
};

export const sendButtons = sendButtonsOperation(lipaChat, setup);
export const sendList = sendListOperation(lipaChat, setup);
