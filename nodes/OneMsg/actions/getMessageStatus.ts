import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { latestStatus } from '../../shared/deliveryStatus';
import {
	messageIdProperty,
	messageIdReader,
	type MessageIdSetup,
} from '../../shared/messageIdParameter';
import { oneMsg } from '../../shared/providers/oneMsg';
import { showFor, type Operation } from '../../shared/operation';
import { runItems } from '../../shared/send/runItems';

const option = {
	name: 'Get Message Status',
	value: 'hookInfo',
	description: 'Read the delivery status of a sent message',
	action: 'Get the status of a message',
};
const displayOptions = showFor(option);
const concurrency = 8;

const messageIdSetup: MessageIdSetup = {
	placeholder: 'wamid.HBgL...',
	hint: 'The messageId a 1MSG send operation returned, e.g. {{ $json.messageId }}',
	description: 'ID of the message whose delivery status to read',
	whenEmpty: 'Map the messageId of a send operation, e.g. {{ $json.messageId }}.',
};
const description: INodeProperties[] = [messageIdProperty(messageIdSetup, displayOptions)];

/**
 * Reads each item's message status from 1MSG: the latest status in the normalised shape, plus
 * every status seen so far. Before 1MSG has reported anything the status is "accepted".
 */
async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const credentials = await this.getCredentials(oneMsg.credentialType);
	const messageIdOf = messageIdReader(this, messageIdSetup);
	const { items } = await runItems(this, oneMsg, credentials, concurrency, async (itemIndex) => {
		const messageId = messageIdOf(itemIndex);
		const { history, raw } = await oneMsg.statusLookup!(this, credentials, messageId);
		const latest = latestStatus(history);
		const json: IDataObject = {
			provider: oneMsg.id,
			messageId,
			status: latest?.status ?? 'accepted',
			recipient: latest?.recipient ?? history.find((s) => s.recipient)?.recipient,
			timestamp: latest?.timestamp,
			...(latest?.error && { error: latest.error }),
			history: history.map(({ status, timestamp, error }) => ({
				status,
				timestamp,
				...(error && { error }),
			})),
			raw,
		};
		return json;
	});
	return [items];
}

export const getMessageStatus: Operation = { option, description, execute };
