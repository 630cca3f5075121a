import { oneMsg } from '../../shared/providers/oneMsg';
import { sendButtonsOperation, sendListOperation } from '../../shared/send/sendChoices';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';

const setup = {
	recipientDescription:
		"Who gets the choices: a phone number in any common format (+1 202 555 0199, 12025550199), or a person's chat ID such as 12025550199@c.us (not a group). A customer message's from or chatId from the WhatsApp Trigger answers that chat. Only works within 24 hours of the customer's last message.",
	options: [windowClosedOutputOption],
};

export const sendButtons = sendButtonsOperation(oneMsg, setup);
export const sendList = sendListOperation(oneMsg, setup);
