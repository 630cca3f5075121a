import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { asText, itemParameter } from '../../shared/itemParameter';
import { oneMsgAdapter, oneMsgCall } from '../../shared/providers/oneMsg';
import { oneMsgHookInfoStatuses } from '../../shared/providers/oneMsgStatus';
import { runItems } from '../../shared/runItems';
import { latestStatus } from '../../shared/status';

const displayOptions = { show: { operation: ['hookInfo'] } };
const concurrency = 8;
const timeoutMs = 30_000;

export const description: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgL...',
		hint: 'The messageId a 1MSG send operation returned, e.g. {{ $json.messageId }}',
		description: 'ID of the message whose delivery status to read',
		displayOptions,
	},
];

/**
 * Polls `hookInfo` for each item's message: the latest status in the normalised shape, plus
 * every status seen so far. Before 1MSG has reported anything the status is "accepted".
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const credentials = await this.getCredentials(oneMsgAdapter.credentialType);
	const messageIdOf = itemParameter(this, 'messageId', asText, '');
	const { items } = await runItems(
		this,
		oneMsgAdapter,
		credentials,
		concurrency,
		async (itemIndex) => {
			const messageId = messageIdOf(itemIndex);
			if (messageId === '') {
				throw new InputError(
					'Message ID',
					'"Message ID" is empty',
					'Map the messageId of a send operation, e.g. {{ $json.messageId }}.',
				);
			}
			const call = { method: 'GET' as const, path: 'hookInfo', qs: { messageId } };
			const body = await oneMsgCall(this, credentials, call, '1MSG', timeoutMs);
			const history = oneMsgHookInfoStatuses(body);
			const latest = latestStatus(history);
			const json: IDataObject = {
				provider: oneMsgAdapter.id,
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
				raw: body,
			};
			return json;
		},
	);
	return [items];
}
