import type { IDataObject } from 'n8n-workflow';

import {
	locationOf,
	mediaTypes,
	messageEvent,
	messageTypeNamed,
	type IncomingContact,
	type IncomingMessage,
	type MessageDirection,
	type MessageType,
} from './incomingMessage';
import { replyIn } from './interactive/reply';
import type { ProviderId } from './providers/provider';

/**
 * Meta's Cloud API webhook shape, which providers with raw hooks pass on (1MSG):
 * `entry[].changes[].value.messages[]` for what customers send, `value.contacts[]` for their
 * names, `value.message_echoes[]` for what a person of the business typed in the WhatsApp
 * Business app (coexistence echoes, `to` the customer; what the API sends is not echoed).
 */

export function records(value: unknown): IDataObject[] {
	return Array.isArray(value)
		? value.filter((v): v is IDataObject => v !== null && typeof v === 'object')
		: [];
}

function typeOf(raw: IDataObject): MessageType {
	return messageTypeNamed(String(raw.type ?? ''), { contacts: 'contact', button: 'interactive' });
}

function textOf(raw: IDataObject, type: MessageType): string | undefined {
	const part = (raw[String(raw.type)] ?? {}) as IDataObject;
	if (type === 'text') return part.body as string | undefined;
	if (mediaTypes.includes(type)) return part.caption as string | undefined;
	if (type === 'reaction') return part.emoji as string | undefined;
	return undefined;
}

function contactsOf(raw: IDataObject): IncomingContact[] {
	return records(raw.contacts).map((contact) => ({
		name: (contact.name as IDataObject | undefined)?.formatted_name as string | undefined,
		phones: records(contact.phones).map((phone) => String(phone.phone ?? phone.wa_id ?? '')),
	}));
}

/** One Meta message; `names` maps a customer's wa_id to their profile name. */
function metaMessage(
	provider: ProviderId,
	raw: IDataObject,
	direction: MessageDirection,
	names: Map<string, string>,
	receivedAt: Date,
): IncomingMessage | undefined {
	if (typeof raw.id !== 'string' || raw.id === '') return undefined;
	const type = typeOf(raw);
	// The customer: who wrote, or whom the business's person wrote to.
	const customer = String((direction === 'operator' ? raw.to : raw.from) ?? '');
	if (customer === '') return undefined;
	const part = (raw[String(raw.type)] ?? {}) as IDataObject;
	const location = (raw.location ?? {}) as IDataObject;
	const context = (raw.context ?? {}) as IDataObject;
	return messageEvent(provider, raw, {
		messageId: raw.id,
		direction,
		from: customer,
		name: direction === 'operator' ? undefined : names.get(customer),
		chatId: `+${customer}`,
		type,
		text: textOf(raw, type),
		// Meta gives a media id, not a link: the file is fetched through the provider.
		media: mediaTypes.includes(type)
			? {
					mimeType: part.mime_type as string | undefined,
					fileName: part.filename as string | undefined,
				}
			: undefined,
		location:
			type === 'location'
				? locationOf(location.latitude, location.longitude, location.name, location.address)
				: undefined,
		contacts: type === 'contact' ? contactsOf(raw) : undefined,
		// A tapped button or list row (`interactive.button_reply | list_reply`), or a template's
		// quick reply (`button {payload, text}`).
		reply: type === 'interactive' ? replyIn(part) : undefined,
		replyTo: type === 'reaction' ? part.message_id : context.id,
		timestamp: raw.timestamp,
		receivedAt,
	});
}

/** Every message of a Meta webhook body: customers' first, then the business's people's. */
export function metaWebhookMessages(
	provider: ProviderId,
	body: IDataObject,
	receivedAt: Date,
): IncomingMessage[] {
	return records(body.entry).flatMap((entry) =>
		records(entry.changes).flatMap((change) => {
			const value = (change.value ?? {}) as IDataObject;
			const names = new Map(
				records(value.contacts).map((c) => [
					String(c.wa_id ?? ''),
					String((c.profile as IDataObject | undefined)?.name ?? ''),
				]),
			);
			const read = (list: unknown, direction: MessageDirection) =>
				records(list)
					.map((raw) => metaMessage(provider, raw, direction, names, receivedAt))
					.filter((m): m is IncomingMessage => m !== undefined);
			return [...read(value.messages, 'incoming'), ...read(value.message_echoes, 'operator')];
		}),
	);
}
