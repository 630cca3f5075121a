import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactsProperty, readContactCards } from '../../shared/contactCard';
import {
	oneMsgAdapter,
	oneMsgChatIdPattern,
	oneMsgContactRequest,
} from '../../shared/providers/oneMsg';
import { readRecipient } from '../../shared/recipient';
import { recipientProperty } from '../../shared/recipientProperty';
import { sendItems } from '../../shared/sendItems';
import { sendOptionsProperty } from '../../shared/sendOptions';

const displayOptions = { show: { operation: ['sendContact'] } };

export const description: INodeProperties[] = [
	recipientProperty(
		"Who gets the card: a phone number in any common format (+1 202 555 0199, 12025550199), or a chat ID such as 12025550199@c.us or a group ...@g.us. Only works within 24 hours of the customer's last message.",
		displayOptions,
	),
	contactsProperty({ extended: true }, displayOptions),
	sendOptionsProperty(oneMsgAdapter.defaultMaxPerSecond, displayOptions, [
		{
			displayName: 'Quoted Message ID',
			name: 'quotedMsgId',
			type: 'string',
			default: '',
			description: 'ID of a message in the chat to reply to',
		},
	]),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await sendItems(this, oneMsgAdapter, (itemIndex, credentials, options) => {
		const recipient = readRecipient(
			this.getNodeParameter('recipient', itemIndex),
			'Recipient',
			oneMsgChatIdPattern,
			options.defaultCountry,
		);
		const cards = readContactCards(
			this.getNodeParameter('contacts', itemIndex),
			options.defaultCountry,
		);
		const quotedMsgId = this.getNodeParameter('options.quotedMsgId', itemIndex, '') as string;
		return {
			to: recipient.e164 ?? recipient.jid ?? '',
			requests: [oneMsgContactRequest(credentials, recipient, cards, quotedMsgId || undefined)],
		};
	});
}
