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
import { windowClosedDetails } from './windowClosedOutput';
import { readSendOptions, type SendOptions } from './sendOptions';
import type { ProviderRequest } from './transport';

/** What one input item turns into: who gets it, and the request(s) that carry it. */
export interface PreparedItem {
	to: string;
	requests: ProviderRequest[];
	/** Extra output fields, e.g. the filled-in template text */
	extra?: IDataObject;
}

export type PrepareItem = (itemIndex: number) => PreparedItem | Promise<PreparedItem>;

/**
 * Runs once per execution, with the credentials and options, and returns what turns each item
 * into its request: the place to read parameters that are the same for every item only once.
 */
export type PrepareItems = (
	credentials: ICredentialDataDecryptedObject,
	options: SendOptions,
) => PrepareItem;

function outputOf(
	adapter: ProviderAdapter,
	prepared: PreparedItem,
	sent: Delivered[],
): IDataObject {
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

/** Says which messages of a several-message item went out before one failed. */
function partOfItemFailed(error: SendError, sent: Delivered[], total: number): SendError {
	if (sent.length === 0) return error;
	const ids = sent.map((s) => s.messageId).join(', ');
	const message = `${error.failure.message} (message ${sent.length + 1} of ${total}; the first ${sent.length} went out already: ${ids})`;
	return new SendError({ ...error.failure, message }, error.responseBody, sent.length);
}

/**
 * The send path every send operation shares: options, credentials, the rate cap, then one
 * prepared item at a time through `deliver`. An item made of several messages stops at the
 * first failure and says which were already sent, so a re-run can skip them.
 */
export async function sendItems(
	context: IExecuteFunctions,
	adapter: ProviderAdapter,
	prepareItems: PrepareItems,
): Promise<INodeExecutionData[][]> {
	const options = readSendOptions(
		context.getNodeParameter('options', 0, {}) as IDataObject,
		adapter.defaultMaxPerSecond,
	);
	const credentials = await context.getCredentials(adapter.credentialType);
	const limiter = new RateLimiter(options.maxPerSecond);
	const prepare = prepareItems(credentials, options);

	const outputs = await runItems(
		context,
		adapter,
		credentials,
		options.concurrency,
		async (itemIndex) => {
			const prepared = await prepare(itemIndex);
			const sent: Delivered[] = [];
			for (const request of prepared.requests) {
				try {
					sent.push(await deliver(context, adapter, credentials, request, options, limiter));
				} catch (error) {
					// deliver only throws SendError.
					throw partOfItemFailed(error as SendError, sent, prepared.requests.length);
				}
			}
			return outputOf(adapter, prepared, sent);
		},
		options.windowClosedOutput ? (error) => windowClosedDetails(error, adapter.id) : undefined,
	);
	// With "Window Closed Output" on, the node has a second output for closed-session items.
	return options.windowClosedOutput ? [outputs.items, outputs.diverted] : [outputs.items];
}
