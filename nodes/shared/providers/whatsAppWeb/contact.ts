import { InputError, quote } from '../../errors/inputError';
import type { ProviderRequest } from '../../http/transport';
import type { ContactSend } from '../provider';
import { whatsAppWebSendFields, whatsAppWebUrl } from './api';

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
	const { headers, fields } = whatsAppWebSendFields(credentials, recipient, options);
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
			url: whatsAppWebUrl(credentials, 'send/contact'),
			headers,
			body: {
				...fields,
				contact_name: card.name.formatted,
				contact_phone: card.phones[0].digits,
			},
		} satisfies ProviderRequest;
	});
}
