import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactsProperty } from '../../shared/contactCard';
import {
	lipaChatAdapter,
	lipaChatContactRequests,
	lipaChatMessageId,
} from '../../shared/providers/lipaChat';
import { asText, itemParameter } from '../../shared/itemParameter';
import { contactCardsReader, recipientReader } from '../../shared/itemReaders';
import { recipientProperty } from '../../shared/recipientProperty';
import { sendItems } from '../../shared/sendItems';
import { sendOptionsProperty } from '../../shared/sendOptions';
import { windowClosedOutputOption } from '../../shared/windowClosedOutput';

const displayOptions = { show: { operation: ['sendContact'] } };

export const description: INodeProperties[] = [
	recipientProperty(
		"The customer's phone number in any common format (+254 712 345678, 254712345678). Only works within 24 hours of the customer's last message.",
		displayOptions,
	),
	contactsProperty(
		{
			extended: false,
			hint: 'The people whose cards are sent. LipaChat carries one contact per message, so each contact is sent as its own message.',
		},
		displayOptions,
	),
	sendOptionsProperty(lipaChatAdapter.defaultMaxPerSecond, displayOptions, [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			description:
				'Your unique ID for this message; LipaChat drops a second message with the same ID and reports statuses under it. Leave empty for an ID derived from the execution and item, so a retry never sends twice.',
		},
		windowClosedOutputOption,
	]),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const executionId = this.getExecutionId();
	const nodeId = this.getNode().id;
	return await sendItems(this, lipaChatAdapter, (credentials, options) => {
		const recipientOf = recipientReader(this, options.defaultCountry);
		const cardsOf = contactCardsReader(this, options.defaultCountry);
		const messageIdOf = itemParameter(this, 'options.messageId', asText, '');
		return (itemIndex) => {
			const recipient = recipientOf(itemIndex);
			const messageId = messageIdOf(itemIndex) || lipaChatMessageId(executionId, nodeId, itemIndex);
			return {
				to: recipient.e164 ?? '',
				requests: lipaChatContactRequests(credentials, recipient, cardsOf(itemIndex), messageId),
			};
		};
	});
}
