import type { ProviderRequest } from '../../http/transport';
import type { ContactSend } from '../provider';
import { lipaChatSender, lipaChatUrl } from './api';
import { messageIdFor } from './messageId';

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
	const messageId = messageIdFor(options, stableId);
	const from = lipaChatSender(credentials);
	return cards.map((card, index) => ({
		method: 'POST',
		url: lipaChatUrl(credentials, 'whatsapp/contact'),
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
