import type { ReadReceiptApi } from '../provider';
import { whatsAppWebSendFields, whatsAppWebUrl } from './api';

/**
 * `POST message/{id}/read {phone}`, then for typing `POST send/chat-presence {phone, action:
 * "start"}` (GOWA docs/openapi.yaml), each from the credential's device. WhatsApp Web shows
 * "typing…" until the next message from this account.
 */
export const whatsAppWebReadReceipts: ReadReceiptApi = {
	needsChat: true,
	requests: ({ credentials, messageId, recipient, typing }) => {
		const { headers, fields } = whatsAppWebSendFields(credentials, recipient!, {});
		const read = {
			method: 'POST' as const,
			url: whatsAppWebUrl(credentials, `message/${encodeURIComponent(messageId)}/read`),
			headers,
			body: { phone: fields.phone },
		};
		if (!typing) return [read];
		return [
			read,
			{
				method: 'POST' as const,
				url: whatsAppWebUrl(credentials, 'send/chat-presence'),
				headers,
				body: { phone: fields.phone, action: 'start' },
			},
		];
	},
};
