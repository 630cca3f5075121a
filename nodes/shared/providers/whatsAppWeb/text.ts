import type { ProviderRequest } from '../../http/transport';
import type { TextSend } from '../provider';
import { whatsAppWebSendFields, whatsAppWebUrl } from './api';

/** `POST send/message {phone, message, reply_message_id?, is_forwarded?, duration?}`. */
export function whatsAppWebTextRequest({
	credentials,
	recipient,
	text,
	options,
}: TextSend): ProviderRequest {
	const { headers, fields } = whatsAppWebSendFields(credentials, recipient, options);
	return {
		method: 'POST',
		url: whatsAppWebUrl(credentials, 'send/message'),
		headers,
		body: { ...fields, message: text },
	};
}
