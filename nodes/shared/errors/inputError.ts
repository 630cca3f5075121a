/**
 * Bad input found before any request is sent. It names the parameter (as the user sees it in
 * the editor) so that the per-item error can say which field to fix.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

/** How much of an input value an error message quotes. */
const QUOTE_LIMIT = 60;

/**
 * An input value quoted for an error message, cut to a readable length: a mapped field can
 * hold anything (one was a megabyte), and the whole of it helps nobody in the n8n error panel.
 */
export function quote(value: unknown, limit = QUOTE_LIMIT): string {
	const text = typeof value === 'string' ? value : String(value);
	if (text.length <= limit) return `"${text}"`;
	return `"${text.slice(0, limit)}…" (${text.length.toLocaleString('en-US')} characters)`;
}
