import type { IDataObject } from 'n8n-workflow';

import {
	contactOfVcard,
	isCleared,
	isSet,
	locationOf,
	mediaTypes,
	messageEvent,
	type IncomingMessage,
	type MessageDirection,
	type MessageType,
} from '../../incomingMessage';
import { replyOrTitle } from '../../interactive/reply';
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

/**
 * The choice a tapped button or list row carries on 1MSG's plain hook (`type` `interactive` or
 * `button`). Which field holds its id is unconfirmed ([1sdk] c/model/message.h names the types,
 * not the fields): Meta's parts under `interactive` or `button`, or a JSON `body`, are read first;
 * else `body` is taken as the tapped title, and as its id.
 */
const oneMsgReply = (raw: IDataObject) =>
	replyOrTitle([raw.interactive, raw.button, raw.listReply, raw.buttonReply, raw.body], raw.body);

/** A location's `body`: latitude and longitude, `;` or `,` between (format unconfirmed). */
function locationIn(body: unknown) {
	const [latitude, longitude] = String(body ?? '').split(/[;,]/);
	return locationOf(latitude?.trim(), longitude?.trim());
}

/**
 * Who wrote a message of `messages[]`: `fromMe` with `self` 0 is a person of the business on
 * the phone, `self` 1 what the API sent (ours: none). `fromMe` without a `self` of 0 is taken
 * as the API's, so nothing the package sent can pass for the person.
 */
function directionOf(raw: IDataObject): MessageDirection | undefined {
	if (isSet(raw.fromMe)) return isCleared(raw.self) ? 'operator' : undefined;
	return isSet(raw.self) ? undefined : 'incoming';
}

/**
 * One message of `messages[]`: `{id, chatId, author, senderName, type, body, caption, fromMe,
 * self, time, quotedMsgId}`. Media come as a temporary link in `body`, the text in `caption`.
 */
function oneMsgMessage(raw: IDataObject, receivedAt: Date): IncomingMessage | undefined {
	const direction = directionOf(raw);
	if (direction === undefined) return undefined;
	if (typeof raw.id !== 'string' || raw.id === '' || typeof raw.chatId !== 'string')
		return undefined;
	const type = types[String(raw.type ?? '')] ?? 'other';
	const isGroup = raw.chatId.endsWith('@g.us');
	const media = mediaTypes.includes(type);
	const operator = direction === 'operator';
	return messageEvent('oneMsg', raw, {
		messageId: raw.id,
		direction,
		// The customer: the chat, or in a group the participant who wrote (not the business).
		from: isGroup ? (operator ? undefined : raw.author) : raw.chatId,
		name: operator ? undefined : raw.senderName,
		chatId: raw.chatId,
		type,
		text: type === 'text' ? raw.body : raw.caption,
		media: media ? { url: typeof raw.body === 'string' ? raw.body : undefined } : undefined,
		location: type === 'location' ? locationIn(raw.body) : undefined,
		contacts:
			type === 'contact' && typeof raw.body === 'string' ? [contactOfVcard(raw.body)] : undefined,
		reply: type === 'interactive' ? oneMsgReply(raw) : undefined,
		replyTo: raw.quotedMsgId,
		timestamp: raw.time,
		receivedAt,
	});
}

/** The messages of one 1MSG webhook request (customers' and operators'), in 1MSG's shape or Meta's raw one. */
export function oneMsgWebhookMessages(body: unknown, receivedAt = new Date()): IncomingMessage[] {
	const payload = (body ?? {}) as IDataObject;
	return [
		...records(payload.messages)
			.map((raw) => oneMsgMessage(raw, receivedAt))
			.filter((m): m is IncomingMessage => m !== undefined),
		...metaWebhookMessages('oneMsg', payload, receivedAt),
	];
}
