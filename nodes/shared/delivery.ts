import { sleep, type ICredentialDataDecryptedObject, type IExecuteFunctions } from 'n8n-workflow';

import type { Failure, ProviderAdapter } from './providers/types';
import type { RateLimiter } from './rateLimiter';
import type { SendOptions } from './sendOptions';
import {
	sendRequest,
	type NetworkError,
	type ProviderRequest,
	type ProviderResponse,
} from './transport';

/** A provider refused the message, or its outcome is unknown. */
export class SendError extends Error {
	constructor(
		readonly failure: Failure,
		readonly responseBody?: unknown,
		/** Messages of the same item that went out before this one failed */
		readonly alreadySent = 0,
	) {
		super(failure.message);
		this.name = 'SendError';
	}
}

export interface Delivered {
	messageId: string;
	response: unknown;
}

// Exponential backoff with jitter, so retrying workers do not return in lockstep.
const backoffMs = (attempt: number) =>
	Math.min(10_000, 200 * 2 ** attempt) * (0.5 + Math.random() / 2);

function networkFailure(error: NetworkError, deduplicates: boolean): Failure {
	if (!error.reachedServer)
		return { reason: 'unreachable', message: error.message, code: error.code };
	return {
		reason: 'outcomeUnknown',
		message: deduplicates
			? error.message
			: `${error.message}: the provider may or may not have sent the message; outcome unknown, not re-sent`,
		code: error.code,
	};
}

/**
 * Decides whether one failed attempt may be tried again. A refused connection and a 429 never
 * produced a message, so they are always safe; a 5xx, timeout or dropped connection might have,
 * so they are retried only where the provider deduplicates the request.
 */
function retryable(failure: Failure, adapter: ProviderAdapter, options: SendOptions) {
	if (failure.reason === 'rateLimited') return options.retryOnRateLimit;
	if (failure.reason === 'unreachable') return true;
	if (failure.reason === 'serverError' || failure.reason === 'outcomeUnknown') {
		return adapter.deduplicates;
	}
	return false;
}

function unknownOutcome(failure: Failure): Failure {
	if (failure.reason !== 'serverError') return failure;
	return {
		...failure,
		reason: 'outcomeUnknown',
		message: `${failure.message} (HTTP ${failure.httpCode}): the provider may or may not have sent the message; outcome unknown, not re-sent`,
	};
}

/** Sends one message under the node's rate cap and retry policy. */
export async function deliver(
	context: IExecuteFunctions,
	adapter: ProviderAdapter,
	credentials: ICredentialDataDecryptedObject,
	request: ProviderRequest,
	options: SendOptions,
	limiter: RateLimiter,
): Promise<Delivered> {
	for (let attempt = 0; ; attempt++) {
		const answered = await limiter.take();
		let response: ProviderResponse | undefined;
		let failure: Failure;
		try {
			try {
				response = await sendRequest(
					context,
					adapter.credentialType,
					credentials,
					request,
					options.timeoutMs,
				);
			} finally {
				// The provider has counted the request by now, whatever the answer.
				answered();
			}
			const answer = adapter.readSendAnswer(response);
			if (answer.ok) return { messageId: answer.messageId, response: response.body };
			failure = answer;
		} catch (error) {
			// sendRequest turns every failure to get an answer into a NetworkError.
			failure = networkFailure(error as NetworkError, adapter.deduplicates);
		}
		const mayRetry = attempt < options.maxRetries && retryable(failure, adapter, options);
		if (!mayRetry) {
			throw new SendError(adapter.deduplicates ? failure : unknownOutcome(failure), response?.body);
		}
		const wait = failure.retryAfterMs ?? backoffMs(attempt);
		if (failure.reason === 'rateLimited') limiter.pushBack(wait);
		await sleep(wait);
	}
}
