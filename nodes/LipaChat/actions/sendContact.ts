import { lipaChat } from '../../shared/providers/lipaChat';
import { sendContactOperation } from '../../shared/send/sendContact';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';
import { messageIdOption } from './messageIdOption';

export const sendContact = sendContactOperation(lipaChat, {
	recipientDescription:
		"The customer's phone number in any common format (+254 712 345678, 254712345678). Only works within 24 hours of the customer's last message.",
	contacts: {
		extended: false,
		hint: 'The people whose cards are sent. LipaChat carries one contact per message, so each contact is sent as its own message.',
	},
	options: [messageIdOption, windowClosedOutputOption],
});
