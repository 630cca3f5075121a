import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { SendError } from './delivery';
import { InputError } from './errors';
import type { ProviderAdapter } from './providers/types';
import { redact } from './transport';

export type ItemJob = (itemIndex: number) => Promise<IDataObject>;

/**
 * Says which failed items leave by a second output instead of failing, and what they carry there
 * beside their input data (e.g. a closed 24-hour session, for a template fallback).
 */
export type Divert = (error: unknown) => IDataObject | undefined;

export interface RunOutputs {
	/** One item per input item that was not diverted, in input order */
	items: INodeExecutionData[];
	/** The diverted items, in input order */
	diverted: INodeExecutionData[];
}

/** Turns whatever one item's job threw into the n8n error a user sees, secrets removed. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: string[],
): NodeApiError | NodeOperationError {
	if (error instanceof InputError) {
		return new NodeOperationError(node, redact(`${error.message} (item ${itemIndex})`, secrets), {
			itemIndex,
			description: redact(error.hint, secrets),
		});
	}
	if (error instanceof SendError) {
		const { failure } = error;
		const message = redact(failure.message, secrets);
		const response: JsonObject = {
			message,
			reason: failure.reason,
			// Not `code`: NodeApiError swaps its own text in for codes such as ECONNRESET.
			...(failure.code !== undefined && { providerCode: failure.code }),
			...(error.responseBody !== undefined && {
				response: redact(error.responseBody, secrets) as JsonObject,
			}),
		};
		return new NodeApiError(node, response, {
			message: `${message} (item ${itemIndex})`,
			description: describeFailure(failure.reason),
			httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redact(`${message} (item ${itemIndex})`, secrets), {
		itemIndex,
	});
}

function describeFailure(reason: SendError['failure']['reason']): string {
	switch (reason) {
		case 'windowClosed':
			return "Session messages (contact cards, text) only go out within 24 hours of the customer's last message. Send an approved template instead, or wait for the customer to write.";
		case 'auth':
			return 'The provider refused the credentials. Open the credential, check the token or key, and use "Test" there.';
		case 'rateLimited':
			return 'The provider is limiting the send rate. Lower "Max Messages Per Second" or "Concurrency" in the options.';
		case 'outcomeUnknown':
			return 'The message may have been sent. It was not re-sent automatically so the customer does not get it twice; check the provider before retrying.';
		case 'unreachable':
			return "The provider's server could not be reached. Check the base URL in the credential.";
		case 'serverError':
			return 'The provider had an internal error.';
		default:
			return 'The provider rejected the request; its message above says why.';
	}
}

/**
 * The JSON an error becomes when "Continue On Fail" is on. Only `error` and `details` at the top
 * level: n8n recognises exactly that shape as an error item, so "Continue (using error output)"
 * routes it to the error output, merged with the input item it came from.
 */
function errorJson(nodeError: NodeApiError | NodeOperationError, cause: unknown): IDataObject {
	const details: IDataObject = {};
	if (cause instanceof InputError) {
		details.reason = 'invalidInput';
		details.field = cause.field;
	} else if (nodeError instanceof NodeApiError) {
		const reason = (nodeError.errorResponse as JsonObject | undefined)?.reason;
		if (reason) details.reason = reason;
		if (nodeError.httpCode) details.httpCode = nodeError.httpCode;
	}
	if (nodeError.description) details.description = nodeError.description;
	return { error: nodeError.message, details };
}

/**
 * Runs one job per input item, `concurrency` at a time, and returns one output item per input
 * item in input order, each paired with its input; items `divert` claims go to `diverted`.
 * Workers pull the next index, so memory holds at most `concurrency` pending requests whatever
 * the item count.
 */
export async function runItems(
	context: IExecuteFunctions,
	adapter: ProviderAdapter,
	credentials: ICredentialDataDecryptedObject,
	concurrency: number,
	job: ItemJob,
	divert?: Divert,
): Promise<RunOutputs> {
	const input = context.getInputData();
	const itemCount = input.length;
	const secrets = adapter.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string');
	const continueOnFail = context.continueOnFail();
	const node = context.getNode();

	const results: INodeExecutionData[] = new Array(itemCount);
	const diverted: INodeExecutionData[] = new Array(itemCount);
	let next = 0;
	// The lowest-index error stops new items from starting; in-flight ones finish.
	const stop: { index: number; error?: Error } = { index: Infinity };

	const worker = async () => {
		while (stop.error === undefined && next < itemCount) {
			const itemIndex = next++;
			try {
				const json = await job(itemIndex);
				results[itemIndex] = { json: redact(json, secrets), pairedItem: { item: itemIndex } };
			} catch (error) {
				const details = divert?.(error);
				if (details) {
					diverted[itemIndex] = {
						json: { ...input[itemIndex]?.json, ...redact(details, secrets) },
						pairedItem: { item: itemIndex },
					};
					continue;
				}
				const nodeError = toNodeError(node, error, itemIndex, secrets);
				if (continueOnFail) {
					results[itemIndex] = {
						json: errorJson(nodeError, error),
						pairedItem: { item: itemIndex },
					};
				} else if (itemIndex < stop.index) {
					stop.index = itemIndex;
					stop.error = nodeError;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, itemCount) }, worker));
	if (stop.error !== undefined) throw stop.error;
	const present = (item: INodeExecutionData | undefined) => item !== undefined;
	return { items: results.filter(present), diverted: diverted.filter(present) };
}
