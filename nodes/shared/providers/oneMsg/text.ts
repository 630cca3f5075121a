import type { ProviderRequest } from '../../http/transport';
import type { TextSend } from '../provider';
import { oneMsgRecipientFields, oneMsgReplyField, oneMsgUrl } from './api';

/** `POST sendMessage {phone | chatId, body, quotedMsgId?}`: an open session only. */
export function oneMsgTextRequest({
	credentials,
	recipient,
	text,
	options,
}: TextSend): ProviderRequest {
	return {
		method: 'POST',
		url: oneMsgUrl(credentials, 'sendMessage'),
		body: { ...oneMsgRecipientFields(recipient), body: text, ...oneMsgReplyField(options) },
	};
}
