import { oneMsg } from '../../shared/providers/oneMsg';
import { sendMediaOperation } from '../../shared/send/sendMedia';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';
import { quotedMessageIdOption } from './quotedMessageIdOption';

export const sendMedia = sendMediaOperation(oneMsg, {
	recipientDescription:
		"Who gets the file: a phone number in any common format (+1 202 555 0199, 12025550199), or a chat ID such as 12025550199@c.us or a group ...@g.us. A customer message's from or chatId from the WhatsApp Trigger answers that chat. Only works within 24 hours of the customer's last message.",
	options: [quotedMessageIdOption, windowClosedOutputOption],
});
