import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { InputError, quote } from '../../errors/inputError';
import { callForBody, type CallPolicy } from '../../http/callProvider';
import { joinUrl, type ProviderRequest, type RequestContext } from '../../http/transport';
import { oncePerObject } from '../../oncePerObject';
import type { Recipient } from '../../recipient';
import { credentialType, oneMsgChannelId, oneMsgDefaultBaseUrl } from './credential';

export { credentialType, oneMsgDefaultBaseUrl } from './credential';

/** 1MSG addresses chats as `<digits>@c.us` (person) or `<id>@g.us` (group). */
export const oneMsgChatIdPattern = /^(\d{6,15}@c\.us|[\d-]{6,40}@g\.us)$/;

/**
 * The channel's addresses, worked out once per credentials read (the channel may need the token
 * parsed), each method's once: every item of a send asks for the same one.
 */
const channelUrls = oncePerObject((credentials: ICredentialDataDecryptedObject) => {
	const channel = joinUrl(
		String(credentials.baseUrl || oneMsgDefaultBaseUrl),
		oneMsgChannelId(credentials),
	);
	const byMethod = new Map<string, string>();
	return (method: string) => {
		let url = byMethod.get(method);
		if (url === undefined) {
			url = joinUrl(channel, method);
			byMethod.set(method, url);
		}
		return url;
	};
});

export function oneMsgUrl(credentials: ICredentialDataDecryptedObject, method: string): string {
	return channelUrls(credentials)(method);
}

export function oneMsgRecipientFields(recipient: Recipient): IDataObject {
	return recipient.kind === 'chat' ? { chatId: recipient.jid } : { phone: recipient.digits };
}

/**
 * The recipient of a call whose model has `phone` only (sendButton, sendList): a person's
 * number, or a person's chat id as its digits. WhatsApp sends no buttons or lists to a group.
 */
export function oneMsgPhoneField(recipient: Recipient): IDataObject {
	const chat = /^(\d{6,15})@c\.us$/.exec(recipient.jid ?? '');
	if (recipient.kind === 'person' || chat) return { phone: recipient.digits ?? chat![1] };
	throw new InputError(
		'Recipient',
		`Buttons and lists go to one person's chat, not to a group: ${quote(recipient.jid)}`,
		"Use the customer's number or chat (their from or chatId from the WhatsApp Trigger).",
	);
}

/** The option Quoted Message ID: the message in the chat a send replies to, where set. */
export function oneMsgReplyField(options: IDataObject): IDataObject {
	const quotedMsgId = String(options.quotedMsgId ?? '').trim();
	return quotedMsgId ? { quotedMsgId } : {};
}

/**
 * One 1MSG call that is not a send (template list, hookInfo, webhook list, settings): the
 * answer's body, or a ProviderError with 1MSG's own message after `what`.
 */
export async function oneMsgCall(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	call: Pick<ProviderRequest, 'method' | 'qs' | 'body'> & { path: string },
	what: string,
	policy?: CallPolicy,
): Promise<IDataObject> {
	const request: ProviderRequest = {
		method: call.method,
		url: oneMsgUrl(credentials, call.path),
		...(call.qs && { qs: call.qs }),
		...(call.body && { body: call.body }),
	};
	return await callForBody(context, { credentialType }, credentials, request, what, policy);
}
