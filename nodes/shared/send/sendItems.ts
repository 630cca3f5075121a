import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { ProviderError } from '../errors/providerError';
import { redact, secretsOf } from '../errors/redact';
import { callProvider, type CallPolicy, type ProviderCall } from '../http/callProvider';
import type { ProviderRequest, ProviderResponse } from '../http/transport';
import type { Provider } from '../providers/provider';
import { isoTime } from './isoTime';
import { RateLimiter } from './rateLimiter';
import { runItems } from './runItems';
import { readSendOptions, type SendOptions } from './sendOptions';
import { windowClosedDetails } from './windowClosedOutput';

/** What one input item turns into: who gets it, and the request(s) that carry it. */
export interface PreparedItem {
	to: string;
	requests: ProviderRequest[];
	/** Extra output fields, e.g. the filled-in template text */
	extra?: IDataObject;
}

/**
 * One send operation: `read` runs once per execution and returns what reads the parameters
 * (the place for whatever is the same for every item); `prepare` turns one item into its
 * requests with it, before anything is sent.
 */
export interface ItemSender<Readers> {
	read(
		context: IExecuteFunctions,
		credentials: ICredentialDataDecryptedObject,
		options: SendOptions,
	): Readers;
	prepare(readers: Readers, itemIndex: number): PreparedItem | Promise<PreparedItem>;
}

interface Sent {
	messageId: string;
	response: unknown;
}

/**
 * The output of a sent item. A secret can reach it only from the provider, in its answer or its
 * message ids (the rest is ours or the item's own), so only those are redacted: the whole item
 * is not serialised to be searched.
 */
function outputOf(
	provider: Provider,
	prepared: PreparedItem,
	sent: Sent[],
	secrets: string[],
): IDataObject {
	const output: IDataObject = {
		provider: provider.id,
		messageId: redact(sent[0].messageId, secrets),
	};
	if (sent.length > 1) output.messageIds = sent.map((s) => redact(s.messageId, secrets));
	output.status = 'accepted';
	output.to = prepared.to;
	output.sentAt = isoTime();
	if (prepared.extra) Object.assign(output, redact(prepared.extra, secrets));
	output.response = redact(
		sent.length > 1 ? sent.map((s) => s.response) : sent[0].response,
		secrets,
	) as IDataObject;
	return output;
}

/** Says which messages of a several-message item went out before one failed. */
function partOfItemFailed(error: ProviderError, sent: Sent[], total: number): ProviderError {
	if (sent.length === 0) return error;
	const ids = sent.map((s) => s.messageId).join(', ');
	const message = `${error.failure.message} (message ${sent.length + 1} of ${total}; the first ${sent.length} went out already: ${ids})`;
	return new ProviderError({ ...error.failure, message }, error.responseBody, sent.length);
}

/** A send: repeated only where the provider drops a repeat of the same request. */
function sendCall(provider: Provider, request: ProviderRequest): ProviderCall<Sent> {
	return {
		request,
		read: (response: ProviderResponse) => {
			const answer = provider.readSendAnswer(response);
			return answer.ok
				? { ok: true, value: { messageId: answer.value.messageId, response: response.body } }
				: answer;
		},
		repeatable: provider.deduplicates,
		isSend: true,
	};
}

/**
 * The send path every send operation shares: options, credentials, the rate cap, then one
 * prepared item at a time through callProvider. An item made of several messages stops at the
 * first failure and says which were already sent, so a re-run can skip them.
 */
export async function sendItems<Readers>(
	context: IExecuteFunctions,
	provider: Provider,
	sender: ItemSender<Readers>,
): Promise<INodeExecutionData[][]> {
	const options = readSendOptions(
		context.getNodeParameter('options', 0, {}) as IDataObject,
		provider.defaultMaxPerSecond,
	);
	const credentials = await context.getCredentials(provider.credentialType);
	const policy: CallPolicy = { ...options, limiter: new RateLimiter(options.maxPerSecond) };
	const readers = sender.read(context, credentials, options);
	const secrets = secretsOf(provider, credentials);

	const outputs = await runItems(
		context,
		provider,
		credentials,
		options.concurrency,
		async (itemIndex) => {
			// Most senders prepare without waiting: no extra turn of the event loop for them.
			const preparing = sender.prepare(readers, itemIndex);
			const prepared = preparing instanceof Promise ? await preparing : preparing;
			const sent: Sent[] = [];
			for (const request of prepared.requests) {
				try {
					sent.push(
						await callProvider(context, provider, credentials, sendCall(provider, request), policy),
					);
				} catch (error) {
					// callProvider only throws ProviderError.
					throw partOfItemFailed(error as ProviderError, sent, prepared.requests.length);
				}
			}
			return outputOf(provider, prepared, sent, secrets);
		},
		options.windowClosedOutput ? (error) => windowClosedDetails(error, provider.id) : undefined,
		false,
	);
	// With "Window Closed Output" on, the node has a second output for closed-session items.
	return options.windowClosedOutput ? [outputs.items, outputs.diverted] : [outputs.items];
}
