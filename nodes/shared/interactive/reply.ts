import type { IDataObject } from 'n8n-workflow';

/** The choice a customer tapped: a reply button, a list row, or a template's quick reply. */
export interface IncomingReply {
	/** The id the business gave the choice (a template quick reply: its payload) */
	id: string;
	title: string;
	description?: string;
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: undefined;

const object = (value: unknown): IDataObject | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;

/** A JSON object in a string (a provider that passes the interactive part on as text). */
function parsedObject(value: unknown): IDataObject | undefined {
	if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return undefined;
	try {
		return object(JSON.parse(value));
	} catch {
		return undefined;
	}
}

/**
 * One choice object, in any of the shapes providers give it: Meta's `{id, title, description?}`
 * (button_reply, list_reply) and `{payload, text}` (a template's quick reply), and the names
 * other gateways use for the same (`buttonId`, `rowId`, `selectedId`; `buttonText`).
 */
function choiceIn(part: IDataObject): IncomingReply | undefined {
	const id = text(part.id ?? part.payload ?? part.buttonId ?? part.rowId ?? part.selectedId);
	const title = text(part.title ?? part.text ?? part.buttonText ?? part.selectedDisplayText);
	if (id === undefined && title === undefined) return undefined;
	const description = text(part.description);
	return {
		id: id ?? title!,
		title: title ?? id!,
		...(description !== undefined && { description }),
	};
}

/**
 * The choice a message carries, wherever the provider put it: an interactive part
 * (`{type, button_reply | list_reply}`, Meta's), a button part (`{payload, text}`), or either
 * under the names gateways use (`buttonReply`, `listReply`, `buttonResponse`, `listResponse`).
 * `parts` are the candidates in the order to try; undefined when none holds a choice.
 */
export function replyIn(...parts: unknown[]): IncomingReply | undefined {
	for (const candidate of parts) {
		const part = object(candidate) ?? parsedObject(candidate);
		if (!part) continue;
		const nested =
			part.button_reply ??
			part.list_reply ??
			part.buttonReply ??
			part.listReply ??
			part.buttonResponse ??
			part.listResponse;
		const reply = object(nested) ? choiceIn(nested as IDataObject) : choiceIn(part);
		if (reply) return reply;
	}
	return undefined;
}

/**
 * The choice in `parts` (see replyIn), else a plain text that stands for it: the tapped title,
 * taken as its id too, where a provider's hook gives no id (1MSG's plain hook, LipaChat's
 * responses: unconfirmed).
 */
export function replyOrTitle(parts: unknown[], plainTitle: unknown): IncomingReply | undefined {
	const reply = replyIn(...parts);
	if (reply) return reply;
	const title = typeof plainTitle === 'string' ? plainTitle.trim() : '';
	return title === '' ? undefined : { id: title, title };
}
