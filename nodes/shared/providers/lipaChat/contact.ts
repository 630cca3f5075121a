import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ContactCard } from '../contactCard';
import { parsePhone } from '../phone';
import type { Recipient } from '../recipient';
import { joinUrl, type ProviderRequest, type ProviderResponse } from '../transport';
import { errorMessageOf, httpFailure } from './answers';
import { windowClosedMessage, type ProviderAdapter, type SendAnswer } from './types';

export const lipaChatDefaultBaseUrl = 'https://gateway.lipachat.com/api/v1';

const windowClosedPattern =
	/24[- ]?hour|session (is )?(closed|expired|not active|inactive)|re-?engagement|\b131047\b/i;

/**
 * A message id that is the same every time the same execution sends the same item, so a
 * retry carries the id LipaChat deduplicates on. Shaped as a UUID like LipaChat's examples.
 */
export function lipaChatMessageId(...parts: Array<string | number>): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** LipaChat carries one contact per message: one request per card, ids `<id>`, `<id>-2`, ... */
export function lipaChatContactRequests(
	credentials: ICredentialDataDecryptedObject,
	recipient: Recipient,
	cards: ContactCard[],
	messageId: string,
): ProviderRequest[] {
	const from = parsePhone(credentials.senderNumber, 'Sender Number (credential)').digits;
	return cards.map((card, index) => ({
		method: 'POST',
		url: joinUrl(String(credentials.baseUrl || lipaChatDefaultBaseUrl), 'whatsapp/contact'),
		body: {
			messageId: index === 0 ? messageId : `${messageId}-${index + 1}`,
			from,
			to: recipient.digits,
			name: { formattedName: card.name.formatted },
			phones: card.phones.map((phone) => ({
				phone: phone.digits,
				type: phone.type,
				...(phone.onWhatsApp && { waId: phone.digits }),
			})),
		},
	}));
}

function readSendAnswer(response: ProviderResponse): SendAnswer {
	const body = (response.body ?? {}) as IDataObject;
	const data = (body.data ?? {}) as IDataObject;
	if (response.statusCode < 300 && String(body.status).toLowerCase() === 'success') {
		return { ok: true, messageId: String(data.messageId ?? '') };
	}
	const message =
		errorMessageOf(body) ??
		(typeof data.statusDesc === 'string' ? data.statusDesc : undefined) ??
		`LipaChat answered HTTP ${response.statusCode} without a message`;
	if (windowClosedPattern.test(message)) {
		return {
			ok: false,
			...httpFailure(response, `${windowClosedMessage} (LipaChat: ${message})`, {
				reason: 'windowClosed',
			}),
		};
	}
	return {
		ok: false,
		...httpFailure(
			response,
			`LipaChat: ${message}`,
			response.statusCode < 300 ? { reason: 'rejected' } : {},
		),
	};
}

export const lipaChatAdapter: ProviderAdapter = {
	id: 'lipaChat',
	displayName: 'LipaChat',
	credentialType: 'lipaChatApi',
	secretFields: ['apiKey', 'webhookSecret'],
	// LipaChat drops a second message with the same messageId, so a retry cannot duplicate.
	deduplicates: true,
	defaultMaxPerSecond: 20,
	readSendAnswer,
};
