import type { IDataObject } from 'n8n-workflow';

import { isoTimestamp, recipientOf } from './deliveryStatus';
import type { IncomingReply } from './interactive/reply';
import type { ProviderId } from './providers/provider';

export const messageTypes = [
	'text',
	'image',
	'video',
	'audio',
	'document',
	'sticker',
	'location',
	'contact',
	'reaction',
	/** A tapped reply button, list row or template quick reply: `reply` says which */
	'reply',
	'interactive',
	'other',
] as const;
export type MessageType = (typeof messageTypes)[number];

/** The types whose message carries a file. */
export const mediaTypes: readonly MessageType[] = [
	'image',
	'video',
	'audio',
	'document',
	'sticker',
];

/** A provider's type name as ours: one of ours as it is, else its alias, else "other". */
export function messageTypeNamed(
	name: string,
	aliases: Record<string, MessageType> = {},
): MessageType {
	if ((messageTypes as readonly string[]).includes(name)) return name as MessageType;
	return aliases[name] ?? 'other';
}

export interface IncomingMedia {
	/** A link the workflow can fetch, where the provider gives one */
	url?: string;
	mimeType?: string;
	fileName?: string;
}

export interface IncomingLocation {
	latitude: number;
	longitude: number;
	name?: string;
	address?: string;
}

export interface IncomingContact {
	name?: string;
	phones: string[];
	vcard?: string;
}

/**
 * Who wrote: the customer, or a person of the business from the WhatsApp app on the business's
 * phone (not through the API: what the API sent never arrives as a message).
 */
export type MessageDirection = 'incoming' | 'operator';

/**
 * One message in a customer's chat, the same whichever provider brought it: what the customer
 * wrote, or what a person of the business wrote to them (`direction: "operator"`). `from`
 * (E.164) and `chatId` are the customer's either way and go into a Send node's Recipient as
 * they are, to answer on the same provider.
 */
export interface IncomingMessage {
	provider: ProviderId;
	messageId: string;
	direction: MessageDirection;
	/**
	 * The customer's phone, +E.164: who wrote, or for an operator message who it was written
	 * to (in a group: the participant who wrote; absent for an operator message in a group)
	 */
	from?: string;
	/** The sender's WhatsApp name */
	name?: string;
	/** Where to answer: the chat (a group's id in a group) */
	chatId: string;
	isGroup: boolean;
	type: MessageType;
	/** The text, or a media message's caption */
	text?: string;
	media?: IncomingMedia;
	location?: IncomingLocation;
	contacts?: IncomingContact[];
	/** The choice a `reply` message tapped; its title is the message's `text` too */
	reply?: IncomingReply;
	/** The id of the message this one answers or reacts to */
	replyTo?: string;
	/** ISO 8601 */
	timestamp: string;
	raw: IDataObject;
}

/** What a provider read from one message, before it is normalised. */
export interface MessageFields {
	messageId: string;
	/** 'incoming' unless a person of the business wrote it */
	direction?: MessageDirection;
	/** A phone number or JID of the customer, as the provider gave it */
	from: unknown;
	name?: unknown;
	/** The chat's id as the provider gave it; the sender's number where the provider has none */
	chatId: string;
	type: MessageType;
	text?: unknown;
	media?: IncomingMedia;
	location?: IncomingLocation;
	contacts?: IncomingContact[];
	/** Where the message is a tapped choice: its type becomes `reply` */
	reply?: IncomingReply;
	replyTo?: unknown;
	timestamp: unknown;
	receivedAt: Date;
}

const textOf = (value: unknown) =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: undefined;

const defined = <T extends object>(value: T | undefined) =>
	value !== undefined && Object.values(value).some((v) => v !== undefined) ? value : undefined;

/** One normalised incoming message; fields the provider did not give are left out. */
export function messageEvent(
	provider: ProviderId,
	raw: IDataObject,
	fields: MessageFields,
): IncomingMessage {
	const from = recipientOf(fields.from);
	const message: IncomingMessage = {
		provider,
		messageId: fields.messageId,
		direction: fields.direction ?? 'incoming',
		...(from !== undefined && { from }),
		...(textOf(fields.name) !== undefined && { name: textOf(fields.name) }),
		chatId: fields.chatId,
		isGroup: fields.chatId.endsWith('@g.us'),
		type: fields.reply ? 'reply' : fields.type,
		// A tapped choice reads as its words, so an AI agent or an IF sees what the customer chose.
		...(fields.reply
			? { text: fields.reply.title }
			: textOf(fields.text) !== undefined && { text: textOf(fields.text) }),
		// A media message keeps `media` even without a link: the trigger may still fetch its file.
		...((defined(fields.media) || (fields.media && mediaTypes.includes(fields.type))) && {
			media: fields.media,
		}),
		...(fields.location && { location: fields.location }),
		...(fields.contacts && fields.contacts.length > 0 && { contacts: fields.contacts }),
		...(fields.reply && { reply: fields.reply }),
		...(textOf(fields.replyTo) !== undefined && { replyTo: textOf(fields.replyTo) }),
		timestamp: isoTimestamp(fields.timestamp, fields.receivedAt),
		raw,
	};
	return message;
}

/** A latitude and longitude as numbers, or undefined when either is not a number. */
export function locationOf(
	latitude: unknown,
	longitude: unknown,
	name?: unknown,
	address?: unknown,
): IncomingLocation | undefined {
	const lat = Number(latitude);
	const lng = Number(longitude);
	if (
		latitude === undefined ||
		longitude === undefined ||
		!Number.isFinite(lat) ||
		!Number.isFinite(lng)
	)
		return undefined;
	return {
		latitude: lat,
		longitude: lng,
		...(textOf(name) !== undefined && { name: textOf(name) }),
		...(textOf(address) !== undefined && { address: textOf(address) }),
	};
}

/** The name (FN) and phones (TEL) of a vCard, with the card itself. */
export function contactOfVcard(vcard: string, name?: unknown): IncomingContact {
	const fn = /^FN[^:]*:(.*)$/im.exec(vcard)?.[1]?.trim();
	const phones = [...vcard.matchAll(/^(?:item\d+\.)?TEL[^:]*:(.*)$/gim)]
		.map((m) => m[1].trim())
		.filter((phone) => phone !== '');
	return { name: textOf(name) ?? fn, phones, vcard };
}

/** Whether a provider's "sent by us" flag is set: true, 1, "1" or "true". */
export function isSet(flag: unknown): boolean {
	return flag === true || flag === 1 || flag === '1' || flag === 'true';
}

/** Whether a flag is given and cleared: false, 0, "0" or "false" (absent is neither). */
export function isCleared(flag: unknown): boolean {
	return flag === false || flag === 0 || flag === '0' || flag === 'false';
}
