import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ContactCard } from '../contactCard';
import { InputError, quote } from '../errors';
import type { Recipient } from '../recipient';
import { joinUrl, type ProviderRequest, type ProviderResponse } from '../transport';
import { errorMessageOf, httpFailure } from './answers';
import type { ProviderAdapter, SendAnswer } from './types';

export const whatsAppWebDefaultBaseUrl = 'http://localhost:3000';

/** GOWA accepts a person's JID, a group, or a linked-device id. */
export const whatsAppWebJidPattern = /^(\d{6,15}@s\.whatsapp\.net|[\d-]{6,40}@g\.us|\d{6,20}@lid)$/;

/** The disappearing-message durations GOWA allows, in seconds. */
export const whatsAppWebDurations = [0, 86400, 604800, 7776000];

export interface WhatsAppWebSendExtras {
	deviceId?: string;
	isForwarded?: boolean;
	duration?: number;
}

/** GOWA carries one name and one phone per card, so each contact is its own message. */
export function whatsAppWebContactRequests(
	credentials: ICredentialDataDecryptedObject,
	recipient: Recipient,
	cards: ContactCard[],
	extras: WhatsAppWebSendExtras,
): ProviderRequest[] {
	const deviceId = (extras.deviceId || String(credentials.deviceId ?? '')).trim();
	if (extras.duration !== undefined && !whatsAppWebDurations.includes(extras.duration)) {
		throw new InputError(
			'Disappearing Messages',
			`"Disappearing Messages" must be one of ${whatsAppWebDurations.join(', ')} seconds, got ${extras.duration}`,
		);
	}
	const phone = recipient.kind === 'chat' ? recipient.jid : `${recipient.digits}@s.whatsapp.net`;
	return cards.map((card, index) => {
		if (card.phones.length > 1) {
			throw new InputError(
				`Contact ${index + 1} → Phones`,
				`WhatsApp Web (GOWA) puts one phone on a card, but ${quote(card.name.formatted)} has ${card.phones.length}`,
				'Keep one phone per contact, or add the other numbers as separate contacts.',
			);
		}
		return {
			method: 'POST',
			url: joinUrl(String(credentials.baseUrl || whatsAppWebDefaultBaseUrl), 'send/contact'),
			headers: deviceId ? { 'X-Device-Id': deviceId } : undefined,
			body: {
				phone,
				contact_name: card.name.formatted,
				contact_phone: card.phones[0].digits,
				...(extras.isForwarded !== undefined && { is_forwarded: extras.isForwarded }),
				...(extras.duration !== undefined && { duration: extras.duration }),
			},
		} satisfies ProviderRequest;
	});
}

function readSendAnswer(response: ProviderResponse): SendAnswer {
	const body = response.body as IDataObject | string | undefined;
	const record = typeof body === 'object' && body !== null ? body : {};
	const results = (record.results ?? {}) as IDataObject;
	if (
		response.statusCode < 300 &&
		record.code === 'SUCCESS' &&
		typeof results.message_id === 'string'
	) {
		return { ok: true, messageId: results.message_id };
	}
	const code = typeof record.code === 'string' ? record.code : undefined;
	const message =
		errorMessageOf(body) ?? `GOWA answered HTTP ${response.statusCode} without a message`;
	const hints: Record<string, string> = {
		DEVICE_ID_REQUIRED:
			' (several devices are logged in: set Device ID in the credential or the node)',
		DEVICE_NOT_FOUND: ' (check Device ID in the credential or the node)',
		INVALID_JID: ' (the recipient is not on WhatsApp or the number is wrong)',
	};
	return {
		ok: false,
		...httpFailure(
			response,
			`GOWA${code ? ` ${code}` : ''}: ${message}${(code && hints[code]) || ''}`,
			{
				code,
				...(response.statusCode < 300 && { reason: 'rejected' }),
			},
		),
	};
}

export const whatsAppWebAdapter: ProviderAdapter = {
	id: 'whatsAppWeb',
	displayName: 'WhatsApp Web (GOWA)',
	credentialType: 'whatsAppWebApi',
	secretFields: ['password', 'webhookSecret'],
	deduplicates: false,
	// WhatsApp Web accounts get locked out for bursts (WA_REACHOUT_TIMELOCK): go gently.
	defaultMaxPerSecond: 2,
	readSendAnswer,
};
