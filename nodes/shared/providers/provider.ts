import type { ProviderResponse } from '../transport';

export type ProviderId = 'oneMsg' | 'lipaChat' | 'whatsAppWeb';

/** Why a provider did not take a message; decides the error text and whether to retry. */
export type FailureReason =
	| 'windowClosed'
	| 'rateLimited'
	| 'serverError'
	| 'auth'
	| 'rejected'
	| 'unreachable'
	| 'outcomeUnknown';

export interface Failure {
	reason: FailureReason;
	message: string;
	httpCode?: number;
	/** The provider's own error code, e.g. GOWA `INVALID_JID` or Meta `131047` */
	code?: string;
	retryAfterMs?: number;
}

export type SendAnswer = { ok: true; messageId: string } | ({ ok: false } & Failure);

/** What every provider module tells the shared send path about itself. */
export interface ProviderAdapter {
	id: ProviderId;
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never reach an output, error or log */
	secretFields: string[];
	/** True when re-sending the same request cannot produce a second message */
	deduplicates: boolean;
	defaultMaxPerSecond: number;
	readSendAnswer(response: ProviderResponse): SendAnswer;
}

export const windowClosedMessage =
	'The customer has not written in the last 24 hours, so WhatsApp closed the session: send an approved template first';
