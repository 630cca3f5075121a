import type { ProviderRequest } from '../../http/transport';
import type { TextSend } from '../provider';
import { lipaChatSender, lipaChatUrl } from './api';
import { messageIdFor } from './messageId';

/**
 * `POST whatsapp/message/text {messageId, from, to, message}`: an open session only. The id is
 * the option Message ID, else derived from the item, so a retry cannot send twice.
 */
export function lipaChatTextRequest({
	credentials,
	recipient,
	text,
	options,
	stableId,
}: TextSend): ProviderRequest {
	return {
		method: 'POST',
		url: lipaChatUrl(credentials, 'whatsapp/message/text'),
		body: {
			messageId: messageIdFor(options, stableId),
			from: lipaChatSender(credentials),
			to: recipient.digits,
			message: text,
		},
	};
}
