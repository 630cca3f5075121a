import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactsProperty } from '../../shared/contactCard';
import {
	oneMsgAdapter,
	oneMsgChatIdPattern,
	oneMsgContactRequest,
} from '../../shared/providers/oneMsg';
import { asText, itemParameter } from '../../shared/itemParameter';
import { contactCardsReader, recipientReader } from '../../shared/itemReaders';
import { recipientProperty } from '../../shared/recipientProperty';
import { sendItems } from '../../shared/sendItems';
import { sendOptionsProperty } from '../../shared/sendOptions';
import { windowClosedOutputOption } from '../../shared/windowClosedOutput';

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
		windowClosedOutputOption,
	]),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendItems(this, oneMsgAdapter, (credentials, options) => {
		const recipientOf = recipientReader(this, options.defaultCountry, oneMsgChatIdPattern);
		const cardsOf = contactCardsReader(this, options.defaultCountry);
		const quotedMsgIdOf = itemParameter(this, 'options.quotedMsgId', asText, '');
		return (itemIndex) => {
			const recipient = recipientOf(itemIndex);
			const quotedMsgId = quotedMsgIdOf(itemIndex);
			return {
				to: recipient.e164 ?? recipient.jid ?? '',
				requests: [
					oneMsgContactRequest(
						credentials,
						recipient,
						cardsOf(itemIndex),
						quotedMsgId || undefined,
					),
				],
			};
		};
	});
}
