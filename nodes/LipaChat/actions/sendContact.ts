import { lipaChat } from '../../shared/providers/lipaChat';
import { sendContactOperation } from '../../shared/send/sendContact';
import { windowClosedOutputOption } from '../../shared/send/windowClosedOutput';

export const { description, execute } = sendContactOperation(lipaChat, {
	recipientDescription:
		"The customer's phone number in any common format (+254 712 345678, 254712345678). Only works within 24 hours of the customer's last message.",
	contacts: {
		extended: false,
		hint: 'The people whose cards are sent. LipaChat carries one contact per message, so each contact is sent as its own message.',
	},
	options: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			description:
				'Your unique ID for this message; LipaChat drops a second message with the same ID and reports statuses under it. Leave empty for an ID derived from the execution and item, so a retry never sends twice.',
		},
		windowClosedOutputOption,
	],
});
