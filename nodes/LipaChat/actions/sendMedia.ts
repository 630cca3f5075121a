import { lipaChat } from '../../shared/providers/lipaChat';
import { sendMediaOperation } from '../../shared/send/sendMedia';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';
import { messageIdOption } from './messageIdOption';

export const sendMedia = sendMediaOperation(lipaChat, {
	recipientDescription:
		"The customer's phone number in any common format (+254 712 345678, 254712345678); a customer message's from from the WhatsApp Trigger answers them. Only works within 24 hours of the customer's last message.",
	options: [messageIdOption, windowClosedOutputOption],
});
