import type { IDataObject } from 'n8n-workflow';

import { normaliseStatusName, statusEvent, type NormalisedStatus } from '../../deliveryStatus';

const nonEmpty = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function events(body: unknown): IDataObject[] {
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
		const ours = nonEmpty(raw.messageId);
		const waId = nonEmpty(raw.waId);
		// A callback may carry only WhatsApp's id: it is then the messageId too, and `waId`
		// matches the send output's response.data.waId.
		const messageId = ours ?? waId;
		if (!status || messageId === undefined) continue;
		statuses.push(
			statusEvent('lipaChat', raw, {
				messageId,
				status,
				recipient: raw.to ?? raw.recipient ?? raw.phone,
				timestamp: raw.timestamp,
				receivedAt,
				errorCodeField: 'errorCode',
				waId,
			}),
		);
	}
	return statuses;
}
