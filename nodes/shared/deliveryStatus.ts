import type { IDataObject } from 'n8n-workflow';

import type { ProviderId } from './providers/provider';

export const deliveryStatuses = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One delivery status event, the same whichever provider reported it. */
export interface NormalisedStatus {
	provider: ProviderId;
	messageId: string;
	status: DeliveryStatus;
	/** E.164 where the provider names a phone, else the chat id it gave */
	recipient?: string;
	/** ISO 8601 */
	timestamp: string;
	error?: { code: string; message: string };
	/** WhatsApp's own id (wamid…) where the provider gives it beside its message id (LipaChat) */
	waId?: string;
	raw: IDataObject;
}

const synonyms: Record<string, DeliveryStatus> = {
	sent: 'sent',
	server: 'sent',
	delivered: 'delivered',
	delivery: 'delivered',
	read: 'read',
	viewed: 'read',
	played: 'read',
	// Not 'read-self': GOWA's word for the account reading a chat on another of its devices,
	// which says nothing about the customer reading our message.
	failed: 'failed',
	undelivered: 'failed',
	error: 'failed',
	rejected: 'failed',
};

/** Maps a provider's status word (any case) to ours; undefined for events we do not report. */
export function normaliseStatusName(raw: unknown): DeliveryStatus | undefined {
	return synonyms[
		String(raw ?? '')
			.trim()
			.toLowerCase()
	];
}

/** Later states win; a failure is final. */
const rank: Record<DeliveryStatus, number> = { sent: 0, delivered: 1, read: 2, failed: 3 };

/** The status a message is in now, given its events in any order. */
export function latestStatus<T extends { status: DeliveryStatus; timestamp: string }>(
	events: T[],
): T | undefined {
	return events.reduce<T | undefined>((latest, event) => {
		if (!latest) return event;
		const byTime = Date.parse(event.timestamp) - Date.parse(latest.timestamp);
		if (byTime !== 0) return byTime > 0 ? event : latest;
		return rank[event.status] >= rank[latest.status] ? event : latest;
	}, undefined);
}

/** Reads unix seconds (number or string), milliseconds, or a date string into ISO 8601. */
export function isoTimestamp(raw: unknown, fallback = new Date()): string {
	if (raw === undefined || raw === null || raw === '') return fallback.toISOString();
	const number = Number(raw);
	if (Number.isFinite(number)) {
		// Unix seconds stay below 1e11 until the year 5138.
		return new Date(number < 1e11 ? number * 1000 : number).toISOString();
	}
	const parsed = Date.parse(String(raw));
	return Number.isNaN(parsed) ? fallback.toISOString() : new Date(parsed).toISOString();
}

/** `+<digits>` for a bare phone number or WhatsApp JID of a person, else the value as given. */
export function recipientOf(raw: unknown): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(raw);
	const person = /^\+?(\d{6,15})(@(c\.us|s\.whatsapp\.net))?$/.exec(text);
	return person ? `+${person[1]}` : text;
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** One entry of an `errors[]` or an `error` field: Meta's `{code, title, message, error_data}` or text. */
function errorEntry(entry: unknown): { code: string; message: string } | undefined {
	if (text(entry) !== '') return { code: '', message: text(entry) };
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	const record = entry as IDataObject;
	const details = text((record.error_data as IDataObject | undefined)?.details);
	const message = text(record.message) || text(record.title) || details;
	return message === '' ? undefined : { code: text(record.code), message };
}

/**
 * Why a message failed, from the details a provider sends with a failed status: Meta's
 * `errors[]` (1MSG raw hooks, LipaChat), an `error` text (1MSG acks) or object, or a status
 * description; the first that says something. Undefined when none does.
 */
export function failureDetails(
	raw: IDataObject,
	codeField?: string,
): { code: string; message: string } | undefined {
	const candidates = [
		...(Array.isArray(raw.errors) ? raw.errors : [raw.errors]),
		raw.error,
		raw.statusDesc,
		raw.reason,
		raw.description,
	];
	for (const candidate of candidates) {
		const found = errorEntry(candidate);
		if (found) {
			const code = found.code || (codeField ? text(raw[codeField]) : '') || 'failed';
			return { code, message: found.message };
		}
	}
	return undefined;
}

/** The error of a failed status: the provider's details, else a plain sentence. */
export function failedStatusError(raw: IDataObject, codeField?: string) {
	return (
		failureDetails(raw, codeField) ?? { code: 'failed', message: 'The message was not delivered' }
	);
}

/** What a provider read from one status event, before it is normalised. */
export interface StatusEventFields {
	messageId: string;
	status: DeliveryStatus;
	/** A phone number or chat id, as the provider gave it */
	recipient: unknown;
	/** As the provider gave it: unix seconds or milliseconds, or a date string */
	timestamp: unknown;
	receivedAt: Date;
	/** Where a failed status's error code is, besides Meta's errors[] */
	errorCodeField?: string;
	waId?: string;
}

/** One normalised status event; a failed one with the provider's reason. */
export function statusEvent(
	provider: ProviderId,
	raw: IDataObject,
	fields: StatusEventFields,
): NormalisedStatus {
	return {
		provider,
		messageId: fields.messageId,
		status: fields.status,
		recipient: recipientOf(fields.recipient),
		timestamp: isoTimestamp(fields.timestamp, fields.receivedAt),
		...(fields.status === 'failed' && { error: failedStatusError(raw, fields.errorCodeField) }),
		...(fields.waId !== undefined && { waId: fields.waId }),
		raw,
	};
}
