import type { IDataObject } from 'n8n-workflow';

import { normaliseStatusName, statusEvent, type NormalisedStatus } from '../../deliveryStatus';
import { hmacSha256Hex, sameSecret } from '../../webhookSecret';

/** GOWA signs every webhook: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function whatsAppWebSignatureValid(
	rawBody: Buffer,
	header: unknown,
	secret: string,
): boolean {
	if (secret === '') return false;
	return sameSecret(header, `sha256=${hmacSha256Hex(secret, rawBody)}`);
}

/**
 * Receipts from GOWA: one status per id of a `message.ack` event. Other events (incoming
 * messages, presence …) carry no delivery status and give none. GOWA sends no webhook for its
 * own sends, so "sent" only ever comes from the send answer.
 */
export function whatsAppWebWebhookStatuses(
	body: unknown,
	receivedAt = new Date(),
): NormalisedStatus[] {
	const event = (body ?? {}) as IDataObject;
	if (event.event !== 'message.ack') return [];
	const payload = (event.payload ?? {}) as IDataObject;
	const status = normaliseStatusName(payload.receipt_type);
	if (!status || !Array.isArray(payload.ids)) return [];
	return payload.ids
		.filter((id): id is string => typeof id === 'string' && id !== '')
		.map((messageId) =>
			statusEvent('whatsAppWeb', event, {
				messageId,
				status,
				recipient: payload.chat_id ?? payload.from,
				timestamp: event.timestamp,
				receivedAt,
			}),
		);
}
