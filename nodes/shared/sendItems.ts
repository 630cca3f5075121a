import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { deliver, SendError, type Delivered } from './delivery';
import type { ProviderAdapter } from './providers/types';
import { RateLimiter } from './rateLimiter';
import { runItems } from './runItems';
import { readSendOptions, type SendOptions } from './sendOptions';
import type { ProviderRequest } from './transport';

/** What one input item turns into: who gets it, and the request(s) that carry it. */
export interface PreparedItem {
	to: string;
	requests: ProviderRequest[];
	/** Extra output fields, e.g. the filled-in template text */
	extra?: IDataObject;
}

export type PrepareItem = (
	itemIndex: number,
	credentials: ICredentialDataDecryptedObject,
	options: SendOptions,
) => PreparedItem | Promise<PreparedItem>;

function outputOf(adapter: ProviderAdapter, prepared: PreparedItem, sent: Delivered[]): IDataObject {
	const several = sent.length > 1;
	return {
		provider: adapter.id,
		messageId: sent[0].messageId,
		...(several && { messageIds: sent.map((s) => s.messageId) }),
		status: 'accepted',
		to: prepared.to,
		sentAt: new Date().toISOString(),
		...prepared.extra,
		response: (several ? sent.map((s) => s.response) : sent[0].response) as IDataObject,
	};
}

/**
 * The send path every send operation shares: options, credentials, the rate cap, then one
 * prepared item at a time through `deliver`. An item made of several messages stops at the
 * first failure and says which were already sent, so a re-run can skip them.
 */
export async function sendItems(
	context: IExecuteFunctions,
	adapter: ProviderAdapter,
	prepare: PrepareItem,
): Promise<INodeExecutionData[]> {
	const options = readSendOptions(context.getNodeParameter('options', 0, {}) as IDataObject, adapter.defaultMaxPerSecond);
	const credentials = await context.getCredentials(adapter.credentialType);
	const limiter = new RateLimiter(options.maxPerSecond);

	return await runItems(context, adapter, credentials, options.concurrency, async (itemIndex) => {
		const prepared = await prepare(itemIndex, credentials, options);
		const sent: Delivered[] = [];
		for (const request of prepared.requests) {
			try {
				sent.push(await deliver(context, adapter, request, options, limiter));
			} catch (error) {
				if (error instanceof SendError && sent.length > 0) {
					const ids = sent.map((s) => s.messageId).join(', ');
					error.failure.message += ` (message ${sent.length + 1} of ${prepared.requests.length}; the first ${sent.length} went out already: ${ids})`;
				}
				throw error;
			}
		}
		return outputOf(adapter, prepared, sent);
	});
}
