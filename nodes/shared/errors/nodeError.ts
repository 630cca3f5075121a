import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import type { FailureReason } from '../providers/provider';
import { InputError } from './inputError';
import { ProviderError } from './providerError';
import { redact } from './redact';

function describeFailure(reason: FailureReason): string {
	switch (reason) {
		case 'windowClosed':
			return "Session messages (contact cards, text) only go out within 24 hours of the customer's last message. Send an approved template instead, or wait for the customer to write.";
		case 'auth':
			return 'The provider refused the credentials. Open the credential, check the token or key, and use "Test" there.';
		case 'rateLimited':
			return 'The provider is limiting the request rate. Lower "Max Messages Per Second" or "Concurrency" in the options.';
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
 * The one way out for errors: whatever a send, an editor method or a trigger hook threw becomes
 * the n8n error a user sees, secrets removed. Bad input is a NodeOperationError naming the field;
 * a provider's answer a NodeApiError with its own message, a plain reason and the fix. Item
 * errors say which item.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	secrets: string[],
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	const ofItem = (message: string) =>
		itemIndex === undefined ? message : `${message} (item ${itemIndex})`;
	if (error instanceof InputError) {
		return new NodeOperationError(node, redact(ofItem(error.message), secrets), {
			itemIndex,
			description: redact(error.hint, secrets),
		});
	}
	if (error instanceof ProviderError) {
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
			message: ofItem(message),
			description: redact(failure.hint, secrets) ?? describeFailure(failure.reason),
			httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redact(ofItem(message), secrets), { itemIndex });
}

/**
 * The JSON an error becomes when "Continue On Fail" is on. Only `error` and `details` at the top
 * level: n8n recognises exactly that shape as an error item, so "Continue (using error output)"
 * routes it to the error output, merged with the input item it came from.
 */
export function errorItemJson(
	nodeError: NodeApiError | NodeOperationError,
	cause: unknown,
): IDataObject {
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
