import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	contactOfVcard,
	locationOf,
	mediaTypes,
	messageEvent,
	messageTypeNamed,
	type IncomingMessage,
} from '../../incomingMessage';
import { recipientOf } from '../../deliveryStatus';
import { replyOrTitle } from '../../interactive/reply';
import { events } from './statuses';

/**
 * LipaChat's webhook docs list "Button response" and "List response" messages without their
 * JSON (unconfirmed): any type naming a button, a list or an interactive reply is read as one.
 */
const replyTypes = /^(button|list|interactive)(_?(reply|response))?$/;

/**
 * The choice of a button or list response, wherever it sits: Meta's parts (`interactive`,
 * `button`), the gateway's own names (`buttonResponse`, `listResponse`, `buttonReply`,
 * `listReply`), the part named after the type, or a `text` object; a plain `text` is taken as
 * the tapped title, and as its id.
 */
const lipaChatReply = (raw: IDataObject, name: string) =>
	replyOrTitle(
		[
			raw.interactive,
			raw.button,
			raw.buttonResponse,
			raw.listResponse,
			raw.buttonReply,
			raw.listReply,
			raw[name],
			raw.text,
		],
		raw.text,
	);

/**
 * One inbound message: `{messageId, from, to, profileName, type: "TEXT" | "IMAGE" | …, text |
 * image | video: {caption, url}}` ([lc-docs] /api/webhooks). Audio, document, sticker, location,
 * contact and interactive shapes are unconfirmed: read by the same keys, defensively. A callback
 * carrying a `status` is a delivery status, not a message; one from our own number is ours.
 */
function lipaChatMessage(
	raw: IDataObject,
	ownNumber: string | undefined,
	receivedAt: Date,
): IncomingMessage | undefined {
	if (raw.status !== undefined || typeof raw.messageId !== 'string' || raw.messageId === '')
		return undefined;
	const from = recipientOf(raw.from);
	if (from === undefined || from === ownNumber) return undefined;
	const name = String(raw.type ?? '').toLowerCase();
	const type = replyTypes.test(name)
		? 'interactive'
		: messageTypeNamed(name, { contacts: 'contact' });
	const part = (raw[name] ?? {}) as IDataObject;
	const contact = raw.contact ?? raw.contacts;
	return messageEvent('lipaChat', raw, {
		messageId: raw.messageId,
		from,
		name: raw.profileName,
		// LipaChat addresses people by number only: the number is the chat.
		chatId: from,
		type,
		text:
			type === 'text'
				? typeof raw.text === 'string'
					? raw.text
					: (raw.text as IDataObject)?.body
				: part.caption,
		media: mediaTypes.includes(type)
			? {
					url: part.url as string | undefined,
					mimeType: (part.mimeType ?? part.mime_type) as string | undefined,
					fileName: (part.filename ?? part.fileName) as string | undefined,
				}
			: undefined,
		location:
			type === 'location'
				? locationOf(part.latitude, part.longitude, part.name, part.address)
				: undefined,
		contacts:
			type === 'contact' && typeof contact === 'string' ? [contactOfVcard(contact)] : undefined,
		reply: type === 'interactive' ? lipaChatReply(raw, name) : undefined,
		replyTo: raw.replyTo ?? (raw.context as IDataObject | undefined)?.id,
		timestamp: raw.timestamp,
		receivedAt,
	});
}

export function lipaChatWebhookMessages(
	body: unknown,
	receivedAt: Date,
	credentials: ICredentialDataDecryptedObject,
): IncomingMessage[] {
	const own = recipientOf(String(credentials.senderNumber ?? '').replace(/\D/g, ''));
	return events(body)
		.map((raw) => lipaChatMessage(raw, own, receivedAt))
		.filter((m): m is IncomingMessage => m !== undefined);
}
