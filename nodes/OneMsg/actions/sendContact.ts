import { oneMsg } from '../../shared/providers/oneMsg';
import { sendContactOperation } from '../../shared/send/sendContact';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';
import { quotedMessageIdOption } from './quotedMessageIdOption';

export const sendContact = sendContactOperation(oneMsg, {
	recipientDescription:
		"Who gets the card: a phone number in any common format (+1 202 555 0199, 12025550199), or a chat ID such as 12025550199@c.us or a group ...@g.us. Only works within 24 hours of the customer's last message.",
	contacts: { extended: true },
	options: [quotedMessageIdOption, windowClosedOutputOption],
});
