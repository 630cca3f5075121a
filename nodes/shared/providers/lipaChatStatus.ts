import type { IDataObject } from 'n8n-workflow';

import { isoTimestamp, normaliseStatusName, recipientOf, type NormalisedStatus } from '../status';

function events(body: unknown): IDataObject[] {
	const list = Array.isArray(body) ? body : [body];
	return list
		.map((entry) => ((entry as IDataObject | null)?.data as IDataObject | undefined) ?? entry)
		.filter(
			(entry): entry is IDataObject =>
				entry !== null && typeof entry === 'object' && !Array.isArray(entry),
		);
}

/**
 * LipaChat status callbacks. Their exact shape is unconfirmed, so this reads what is known:
 * `messageId` (ours, as sent) and/or `waId` (WhatsApp's), a `status` in any case, optionally
 * wrapped in `data` or sent as an array. Inbound messages (no status) are ignored.
 */
export function lipaChatWebhookStatuses(
	body: unknown,
	receivedAt = new Date(),
): NormalisedStatus[] {
	const statuses: NormalisedStatus[] = [];
	for (const raw of events(body)) {
		const status = normaliseStatusName(raw.status);
		const messageId = raw.messageId ?? raw.waId;
		if (!status || typeof messageId !== 'string' || messageId === '') continue;
		const reason = raw.statusDesc ?? raw.reason ?? raw.errors;
		statuses.push({
			provider: 'lipaChat',
			messageId,
			status,
			recipient: recipientOf(raw.to ?? raw.recipient ?? raw.phone),
			timestamp: isoTimestamp(raw.timestamp, receivedAt),
			...(status === 'failed' && {
				error: {
					code: String(raw.errorCode ?? 'FAILED'),
					message: typeof reason === 'string' ? reason : 'The message was not delivered',
				},
			}),
			raw,
		});
	}
	return statuses;
}
