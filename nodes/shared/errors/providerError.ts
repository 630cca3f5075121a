import type { Failure } from '../providers/provider';

/**
 * A provider refused a request or its outcome is unknown: a send, a template listing, a status
 * read or a webhook registration alike. `failure` says why in provider-neutral terms.
 */
export class ProviderError extends Error {
	constructor(
		readonly failure: Failure,
		readonly responseBody?: unknown,
		/** Messages of the same item that went out before this one failed */
		readonly alreadySent = 0,
	) {
		super(failure.message);
		this.name = 'ProviderError';
	}
}
