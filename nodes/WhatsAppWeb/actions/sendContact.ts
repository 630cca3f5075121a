import { whatsAppWeb } from '../../shared/providers/whatsAppWeb';
import { sendContactOperation } from '../../shared/send/sendContact';

export const { description, execute } = sendContactOperation(whatsAppWeb, {
	recipientDescription:
		'A phone number in any common format (+62 896 8502 4051, 6289685024051), a JID such as 6289685024051@s.whatsapp.net, or a group ID ending in @g.us',
	contacts: {
		extended: false,
		hint: 'WhatsApp Web carries one name and one phone per card: each contact is sent as its own message, with one phone each',
	},
	options: [
		{
			displayName: 'Device ID',
			name: 'deviceId',
			type: 'string',
			default: '',
			description:
				'Which logged-in device sends. Overrides the credential; needed when several devices are logged in.',
		},
		{
			displayName: 'Disappearing Messages',
			name: 'duration',
			type: 'options',
			options: [
				{ name: 'Off', value: 0 },
				{ name: '24 Hours', value: 86400 },
				{ name: '7 Days', value: 604800 },
				{ name: '90 Days', value: 7776000 },
			],
			default: 0,
			description: 'How long the card stays in the chat before WhatsApp deletes it',
		},
		{
			displayName: 'Mark as Forwarded',
			name: 'isForwarded',
			type: 'boolean',
			default: false,
			description: 'Whether WhatsApp shows the card as forwarded',
		},
	],
});
