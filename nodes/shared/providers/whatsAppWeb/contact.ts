import { InputError, quote } from '../../errors/inputError';
import { joinUrl, type ProviderRequest } from '../../http/transport';
import type { ContactSend } from '../provider';

export const credentialType = 'whatsAppWebApi';
export const whatsAppWebDefaultBaseUrl = 'http://localhost:3000';

/** GOWA accepts a person's JID, a group, or a linked-device id. */
export const whatsAppWebJidPattern = /^(\d{6,15}@s\.whatsapp\.net|[\d-]{6,40}@g\.us|\d{6,20}@lid)$/;

/** The disappearing-message durations GOWA allows, in seconds. */
export const whatsAppWebDurations = [0, 86400, 604800, 7776000];

/**
 * GOWA carries one name and one phone per card, so each contact is its own message. The node's
 * options Device ID, Mark as Forwarded and Disappearing Messages go along.
 */
export function whatsAppWebContactRequests({
	credentials,
	recipient,
	cards,
	options,
}: ContactSend): ProviderRequest[] {
	const deviceId = String(options.deviceId || credentials.deviceId || '').trim();
	const isForwarded = options.isForwarded as boolean | undefined;
	const duration = options.duration as number | undefined;
	if (duration !== undefined && !whatsAppWebDurations.includes(duration)) {
		throw new InputError(
			'Disappearing Messages',
			`"Disappearing Messages" must be one of ${whatsAppWebDurations.join(', ')} seconds, got ${duration}`,
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
				...(isForwarded !== undefined && { is_forwarded: isForwarded }),
				...(duration !== undefined && { duration }),
			},
		} satisfies ProviderRequest;
	});
}
