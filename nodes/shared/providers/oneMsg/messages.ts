import type { IDataObject } from 'n8n-workflow';

import {
	contactOfVcard,
	isSet,
	locationOf,
	mediaTypes,
	messageEvent,
	type IncomingMessage,
	type MessageType,
} from '../../incomingMessage';
import { metaWebhookMessages, records } from '../../metaMessages';

/** 1MSG's message types ([1sdk] Message, [ebor] production capture) as ours. */
const types: Record<string, MessageType> = {
	chat: 'text',
	image: 'image',
	video: 'video',
	document: 'document',
	audio: 'audio',
	voice: 'audio',
	ptt: 'audio',
	sticker: 'sticker',
	location: 'location',
	// The contact card's type name is unconfirmed: both spellings are read.
	vcard: 'contact',
	contact: 'contact',
	reaction: 'reaction',
	interactive: 'interactive',
	button: 'interactive',
};

/** A location's `body`: latitude and longitude, `;` or `,` between (format unconfirmed). */
function locationIn(body: unknown) {
	const [latitude, longitude] = String(body ?? '').split(/[;,]/);
	return locationOf(latitude?.trim(), longitude?.trim());
}

/**
 * One message of `messages[]`: `{id, chatId, author, senderName, type, body, caption, fromMe,
 * self, time, quotedMsgId}`. Media come as a temporary link in `body`, the text in `caption`.
 * Our own messages (`fromMe`, `self`) give none.
 */
function oneMsgMessage(raw: IDataObject, receivedAt: Date): IncomingMessage | undefined {
	if (isSet(raw.fromMe) || isSet(raw.self)) return undefined;
	if (typeof raw.id !== 'string' || raw.id === '' || typeof raw.chatId !== 'string')
		return undefined;
	const type = types[String(raw.type ?? '')] ?? 'other';
	const isGroup = raw.chatId.endsWith('@g.us');
	const media = mediaTypes.includes(type);
	return messageEvent('oneMsg', raw, {
		messageId: raw.id,
		from: isGroup ? raw.author : raw.chatId,
		name: raw.senderName,
		chatId: raw.chatId,
		type,
		text: type === 'text' ? raw.body : raw.caption,
		media: media ? { url: typeof raw.body === 'string' ? raw.body : undefined } : undefined,
		location: type === 'location' ? locationIn(raw.body) : undefined,
		contacts:
			type === 'contact' && typeof raw.body === 'string' ? [contactOfVcard(raw.body)] : undefined,
		replyTo: raw.quotedMsgId,
		timestamp: raw.time,
		receivedAt,
	});
}

/** The customer messages of one 1MSG webhook request, in 1MSG's shape or Meta's raw one. */
export function oneMsgWebhookMessages(body: unknown, receivedAt = new Date()): IncomingMessage[] {
	const payload = (body ?? {}) as IDataObject;
	return [
		...records(payload.messages)
			.map((raw) => oneMsgMessage(raw, receivedAt))
			.filter((m): m is IncomingMessage => m !== undefined),
		...metaWebhookMessages('oneMsg', payload, receivedAt),
	];
}
