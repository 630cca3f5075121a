import { sleep, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { ProviderError } from '../errors/providerError';
import type { Answer, Failure, Provider } from '../providers/provider';
import type { RateLimiter } from '../send/rateLimiter';
import { bodyAnswer } from './readAnswer';
import {
	sendRequest,
	type NetworkError,
	type ProviderRequest,
	type ProviderResponse,
	type RequestContext,
} from './transport';

/** Which provider a call goes to: its credential authenticates the request. */
export type ProviderIdentity = Pick<Provider, 'credentialType'>;

/** How hard one call tries; a send's come from its node's options. */
export interface CallPolicy {
	timeoutMs: number;
	maxRetries: number;
	retryOnRateLimit: boolean;
	/** The node's rate cap, for sends */
	limiter?: RateLimiter;
}

/** Listings, status reads and registrations: what a send gets by default. */
export const defaultPolicy: CallPolicy = {
	timeoutMs: 30_000,
	maxRetries: 3,
	retryOnRateLimit: true,
};

export interface ProviderCall<T> {
	request: ProviderRequest;
	/** Reads the provider's answer into what was asked for, or why not */
	read(response: ProviderResponse): Answer<T>;
	/**
	 * Whether doing it twice cannot do anything twice: a read, a setting written whole, a send the
	 * provider deduplicates. A call that is not is never re-sent when its outcome is unknown.
	 */
	repeatable: boolean;
	/** A send carries a message: its errors say what became of it */
	isSend?: boolean;
}

// Exponential backoff with jitter, so retrying workers do not return in lockstep.
const backoffMs = (attempt: number) =>
	Math.min(10_000, 200 * 2 ** attempt) * (0.5 + Math.random() / 2);

const lostSend = 'the provider may or may not have sent the message; outcome unknown, not re-sent';

function networkFailure(error: NetworkError, call: ProviderCall<unknown>): Failure {
	if (!error.reachedServer)
		return { reason: 'unreachable', message: error.message, code: error.code };
	const message = call.isSend && !call.repeatable ? `${error.message}: ${lostSend}` : error.message;
	return { reason: 'outcomeUnknown', message, code: error.code };
}

/**
 * Whether one failed attempt may be tried again. A refused connection and a 429 did nothing, so
 * they always may; a 5xx, a timeout or a dropped connection might have, so only a repeatable call.
 */
function retryable(failure: Failure, call: ProviderCall<unknown>, policy: CallPolicy) {
	if (failure.reason === 'rateLimited') return policy.retryOnRateLimit;
	if (failure.reason === 'unreachable') return true;
	if (failure.reason === 'serverError' || failure.reason === 'outcomeUnknown') {
		return call.repeatable;
	}
	return false;
}

/** The failure the user sees once no retry is left. */
function finalFailure(failure: Failure, call: ProviderCall<unknown>): Failure {
	if (call.isSend && !call.repeatable && failure.reason === 'serverError') {
		return {
			...failure,
			reason: 'outcomeUnknown',
			message: `${failure.message} (HTTP ${failure.httpCode}): ${lostSend}`,
		};
	}
	if (!call.isSend && failure.reason === 'rateLimited') {
		return { ...failure, hint: 'The provider is limiting requests. Wait a minute and try again.' };
	}
	return failure;
}

/**
 * The one way in to any provider: sends, template listings, status reads and webhook
 * registrations all come through here, under one policy. A 429 waits for Retry-After (a send's
 * also lowers its node's rate, see RateLimiter), a refused connection is retried, a 5xx, timeout
 * or dropped connection is retried only where repeating is safe. Whatever still fails is a
 * ProviderError.
 */
export async function callProvider<T>(
	context: RequestContext,
	provider: ProviderIdentity,
	credentials: ICredentialDataDecryptedObject,
	call: ProviderCall<T>,
	policy: CallPolicy = defaultPolicy,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		const answered = policy.limiter ? await policy.limiter.take() : undefined;
		let response: ProviderResponse | undefined;
		let failure: Failure;
		try {
			try {
				response = await sendRequest(
					context,
					provider.credentialType,
					credentials,
					call.request,
					policy.timeoutMs,
				);
			} finally {
				// The provider has counted the request by now, whatever the answer.
				answered?.();
			}
			const answer = call.read(response);
			if (answer.ok) {
				policy.limiter?.succeeded();
				return answer.value;
			}
			failure = answer;
		} catch (error) {
			// sendRequest turns every failure to get an answer into a NetworkError.
			failure = networkFailure(error as NetworkError, call);
		}
		if (attempt >= policy.maxRetries || !retryable(failure, call, policy)) {
			throw new ProviderError(finalFailure(failure, call), response?.body);
		}
		const wait = failure.retryAfterMs ?? backoffMs(attempt);
		// After a 429 the node's limiter lowers its rate and spreads this request's wait.
		const limiter = failure.reason === 'rateLimited' ? policy.limiter : undefined;
		await sleep(limiter ? limiter.rateLimited(wait) : wait);
	}
}

/**
 * A call that is not a send: the body of the provider's 2xx answer. Reads and whole settings are
 * safe to repeat; `what` leads the error, e.g. "1MSG could not list the channel's templates".
 */
export async function callForBody(
	context: RequestContext,
	provider: ProviderIdentity,
	credentials: ICredentialDataDecryptedObject,
	request: ProviderRequest,
	what: string,
	policy: CallPolicy = defaultPolicy,
): Promise<IDataObject> {
	const call = { request, read: bodyAnswer(what), repeatable: true };
	return await callProvider(context, provider, credentials, call, policy);
}
