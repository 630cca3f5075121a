import { createHash } from 'crypto';

/**
 * A message id that is the same every time the same execution sends the same item, so a
 * retry carries the id LipaChat deduplicates on. Shaped as a UUID like LipaChat's examples.
 */
export function lipaChatMessageId(...parts: Array<string | number>): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The option Message ID where the user set one, else the id derived from the item. */
export function messageIdFor(options: { messageId?: unknown }, stableId: string): string {
	return String(options.messageId ?? '').trim() || lipaChatMessageId(stableId);
}
