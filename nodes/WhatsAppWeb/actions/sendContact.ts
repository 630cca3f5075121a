import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactsProperty } from '../../shared/contactCard';
import {
	whatsAppWebAdapter,
	whatsAppWebContactRequests,
	whatsAppWebJidPattern,
} from '../../shared/providers/whatsAppWeb';
import { itemParameter } from '../../shared/itemParameter';
import { contactCardsReader, recipientReader } from '../../shared/itemReaders';
import { recipientProperty } from '../../shared/recipientProperty';
import { sendItems } from '../../shared/sendItems';
import { sendOptionsProperty } from '../../shared/sendOptions';

const displayOptions = { show: { operation: ['sendContact'] } };

export const description: INodeProperties[] = [
	recipientProperty(
		'A phone number in any common format (+62 896 8502 4051, 6289685024051), a JID such as 6289685024051@s.whatsapp.net, or a group ID ending in @g.us',
		displayOptions,
	),
	contactsProperty(
		{
			extended: false,
			hint: 'WhatsApp Web carries one name and one phone per card: each contact is sent as its own message, with one phone each',
		},
		displayOptions,
	),
	sendOptionsProperty(whatsAppWebAdapter.defaultMaxPerSecond, displayOptions, [
		{
			displayName: 'Device ID',
			name: 'deviceId',
			type: 'string',
			default: '',
			description:
				'Which logged-in device sends, as the X-Device-ID header. Overrides the credential; needed when several devices are logged in.',
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
	]),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendItems(this, whatsAppWebAdapter, (credentials, options) => {
		const recipientOf = recipientReader(this, options.defaultCountry, whatsAppWebJidPattern);
		const cardsOf = contactCardsReader(this, options.defaultCountry);
		const extraOf = itemParameter(
			this,
			'options',
			(value) => value as { deviceId?: string; duration?: number; isForwarded?: boolean },
			{},
		);
		return (itemIndex) => {
			const recipient = recipientOf(itemIndex);
			return {
				to: recipient.e164 ?? recipient.jid ?? '',
				requests: whatsAppWebContactRequests(
					credentials,
					recipient,
					cardsOf(itemIndex),
					extraOf(itemIndex),
				),
			};
		};
	});
}
