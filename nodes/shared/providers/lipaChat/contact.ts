import { createHash } from 'crypto';

import { joinUrl, type ProviderRequest } from '../../http/transport';
import { parsePhone } from '../../phone';
import type { ContactSend } from '../provider';

export const credentialType = 'lipaChatApi';
export const lipaChatDefaultBaseUrl = 'https://gateway.lipachat.com/api/v1';

/**
 * A message id that is the same every time the same execution sends the same item, so a
 * retry carries the id LipaChat deduplicates on. Shaped as a UUID like LipaChat's examples.
 */
export function lipaChatMessageId(...parts: Array<string | number>): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * LipaChat carries one contact per message: one request per card, ids `<id>`, `<id>-2`, ...
 * The id is the option Message ID, else derived from the item, so a retry cannot send twice.
 */
export function lipaChatContactRequests({
	credentials,
	recipient,
	cards,
	options,
	stableId,
}: ContactSend): ProviderRequest[] {
	const messageId = String(options.messageId ?? '').trim() || lipaChatMessageId(stableId);
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
