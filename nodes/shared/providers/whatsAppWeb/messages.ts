import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { joinUrl } from '../../http/transport';
import {
	contactOfVcard,
	isSet,
	locationOf,
	mediaTypes,
	messageEvent,
	type IncomingContact,
	type IncomingMedia,
	type IncomingMessage,
	type MessageType,
} from '../../incomingMessage';
import { whatsAppWebDefaultBaseUrl } from './api';

/** The key a GOWA `message` payload carries says its type: there is no type field. */
const keyedTypes: Array<[string, MessageType]> = [
	['image', 'image'],
	['video', 'video'],
	['video_note', 'video'],
	['audio', 'audio'],
	['document', 'document'],
	['sticker', 'sticker'],
	['location', 'location'],
	['live_location', 'location'],
	['contact', 'contact'],
	['contacts_array', 'contact'],
	['interactive', 'interactive'],
];

/**
 * A media value: with auto-download (GOWA's default) a path `statics/media/<file>` or
 * `{path, caption}`, served at `{base}/statics/…` without basic auth; without it WhatsApp's own
 * encrypted link, which is no file the workflow can fetch (the raw payload keeps it): the
 * trigger asks GOWA for the file instead (mediaLink.ts).
 */
function mediaOf(value: unknown, baseUrl: string): IncomingMedia {
	const record = (typeof value === 'object' && value !== null ? value : {}) as IDataObject;
	const path = typeof value === 'string' ? value : (record.path as string | undefined);
	const fileName =
		(record.filename as string | undefined) ?? (path ? path.split('/').pop() : undefined);
	return {
		url: path && !/^https?:/.test(path) ? joinUrl(baseUrl, path) : undefined,
		mimeType: (record.mime_type ?? record.mimetype) as string | undefined,
		fileName,
	};
}

function contactsOf(payload: IDataObject): IncomingContact[] {
	const list = Array.isArray(payload.contacts_array) ? payload.contacts_array : [payload.contact];
	return list
		.filter((c): c is IDataObject => c !== null && typeof c === 'object')
		.map((c) => {
			const card = typeof c.vcard === 'string' ? contactOfVcard(c.vcard, c.displayName) : undefined;
			const phone = typeof c.phone_number === 'string' ? [c.phone_number] : [];
			return card ?? { name: c.displayName as string | undefined, phones: phone };
		});
}

function messageOf(
	event: IDataObject,
	baseUrl: string,
	receivedAt: Date,
): IncomingMessage | undefined {
	const payload = (event.payload ?? {}) as IDataObject;
	// is_from_me: typed on the account's other devices (the phone, WhatsApp Web) by a person of
	// the business. GOWA does not echo what its own API sends (providers.md, Operator messages).
	const operator = isSet(payload.is_from_me);
	if (typeof payload.id !== 'string' || payload.id === '') return undefined;
	// An operator's `from` is the account itself: without the chat there is no customer.
	if (operator && typeof payload.chat_id !== 'string') return undefined;
	const chatId = String(payload.chat_id ?? payload.from ?? '');
	const isGroup = chatId.endsWith('@g.us');
	const reaction = event.event === 'message.reaction';
	const [key, type] = reaction
		? ['reaction', 'reaction' as MessageType]
		: (keyedTypes.find(([k]) => payload[k] !== undefined && payload[k] !== null) ??
			(payload.body !== undefined
				? ['body', 'text' as MessageType]
				: ['', 'other' as MessageType]));
	const location = (payload[key] ?? {}) as IDataObject;
	const isMedia = mediaTypes.includes(type);
	return messageEvent('whatsAppWeb', event, {
		messageId: payload.id,
		direction: operator ? 'operator' : 'incoming',
		// The customer: who wrote, or for an operator (whose `from` is the account) the chat.
		from: operator ? (isGroup ? undefined : chatId) : payload.from,
		name: operator ? undefined : (payload.from_name ?? payload.sender_display_name),
		chatId,
		type,
		text: reaction ? payload.reaction : payload.body,
		media: isMedia ? mediaOf(payload[key], baseUrl) : undefined,
		location:
			type === 'location'
				? locationOf(
						location.degreesLatitude,
						location.degreesLongitude,
						location.name,
						location.address,
					)
				: undefined,
		contacts: type === 'contact' ? contactsOf(payload) : undefined,
		replyTo: reaction ? payload.reacted_message_id : payload.replied_to_id,
		timestamp: payload.timestamp ?? event.timestamp,
		receivedAt,
	});
}

/** The message (a customer's or an operator's) of a GOWA `message` or `message.reaction` event; other events give none. */
export function whatsAppWebWebhookMessages(
	body: unknown,
	receivedAt: Date,
	credentials: ICredentialDataDecryptedObject,
): IncomingMessage[] {
	const event = (body ?? {}) as IDataObject;
	if (event.event !== 'message' && event.event !== 'message.reaction') return [];
	const baseUrl = String(credentials.baseUrl || whatsAppWebDefaultBaseUrl);
	const message = messageOf(event, baseUrl, receivedAt);
	return message ? [message] : [];
}
