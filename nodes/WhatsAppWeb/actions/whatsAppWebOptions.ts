import type { INodeProperties } from 'n8n-workflow';

/** GOWA's own options of every send: the device, disappearing messages, forwarded. */
export const whatsAppWebSendOptions: INodeProperties[] = [
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
		description: 'How long the message stays in the chat before WhatsApp deletes it',
	},
	{
		displayName: 'Mark as Forwarded',
		name: 'isForwarded',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows the message as forwarded',
	},
];

/** GOWA's reply option (`reply_message_id`), for the sends that can quote a message. */
export const replyMessageIdOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyMessageId',
	type: 'string',
	default: '',
	description:
		"ID of a message in the chat to reply to, e.g. a customer message's messageId from the WhatsApp Trigger",
};
