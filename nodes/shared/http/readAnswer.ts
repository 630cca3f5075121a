import type { IDataObject } from 'n8n-workflow';

import type { Answer, Failure, FailureReason } from '../providers/provider';
import { headerValue, retryAfterMs, type ProviderResponse } from './transport';

/** Picks a readable message out of the error shapes providers use, cut to a readable length. */
export function errorMessageOf(body: unknown): string | undefined {
	const message = findErrorMessage(body);
	// A provider may echo what it was sent (a whole mapped value) in its message.
	return message !== undefined && message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

function findErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim();
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const error = record.error;
	if (error && typeof error === 'object') {
		const meta = error as Record<string, unknown>;
		const text = meta.error_user_msg ?? meta.message ?? meta.error_user_title;
		if (typeof text === 'string' && text !== '') return text;
	}
	for (const key of ['error', 'message', 'statusDesc', 'description']) {
		const value = record[key];
		if (typeof value === 'string' && value !== '') return value;
	}
	if (Array.isArray(record.errors) && record.errors.length > 0) {
		return record.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
	}
	return undefined;
}

function reasonForStatus(statusCode: number): FailureReason {
	if (statusCode === 429) return 'rateLimited';
	if (statusCode === 401 || statusCode === 403) return 'auth';
	if (statusCode >= 500) return 'serverError';
	return 'rejected';
}

/**
 * The transport does not follow redirects (see sendRequest), so a provider address that moved
 * is reported with where it points and the fix, instead of a bare "HTTP 301".
 */
function redirectMessage(response: ProviderResponse): string {
	const target = headerValue(response.headers, 'location');
	return `The provider's address answered with a redirect (HTTP ${response.statusCode}) to ${target ?? 'another address'}. Redirects are not followed, so the credential never goes to another address: set Base URL in the credential to the address you expect`;
}

/** A failure read from an HTTP answer, with retry facts taken from the status and headers. */
export function httpFailure(
	response: ProviderResponse,
	message: string,
	overrides: Partial<Failure> = {},
): Failure {
	if (response.statusCode >= 300 && response.statusCode < 400) {
		return {
			reason: 'rejected',
			message: redirectMessage(response),
			httpCode: response.statusCode,
		};
	}
	const reason = reasonForStatus(response.statusCode);
	return {
		reason,
		message,
		httpCode: response.statusCode,
		retryAfterMs: reason === 'rateLimited' ? retryAfterMs(response.headers) : undefined,
		...overrides,
	};
}

/**
 * Reads the answer to a request that is not a send (a listing, a status read, a webhook
 * setting): the body of a 2xx answer, else a failure with the provider's own message after `what`.
 */
export function bodyAnswer(what: string) {
	return (response: ProviderResponse): Answer<IDataObject> => {
		if (response.statusCode < 300 && response.body !== null && typeof response.body === 'object') {
			return { ok: true, value: response.body as IDataObject };
		}
		const message = errorMessageOf(response.body) ?? `HTTP ${response.statusCode}`;
		return { ok: false, ...httpFailure(response, `${what}: ${message}`) };
	};
}
