import { InputError, quote } from './errors/inputError';

/** WhatsApp's limit on a text message, in characters. */
export const maxTextCharacters = 4096;

/**
 * The text of a message as WhatsApp takes it: not empty, at most `limit` characters (counted as
 * a person counts them: an emoji is one). Checked before any request.
 */
export function readMessageText(value: unknown, field = 'Text', limit = maxTextCharacters): string {
	if (value !== null && typeof value === 'object') {
		throw new InputError(
			field,
			`"${field}" must be text, got ${Array.isArray(value) ? 'a list' : 'an object'}`,
			'Map a field that holds text, e.g. {{ $json.output }}, or turn the value into text with JSON.stringify().',
		);
	}
	const text = value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') {
		throw new InputError(
			field,
			`"${field}" is empty`,
			'Type the message, or map a field that holds it; WhatsApp sends no empty message.',
		);
	}
	checkLength(
		text,
		field,
		limit,
		`Shorten it, or split it into several messages of at most ${limit.toLocaleString('en-US')} characters.`,
	);
	return text;
}

/** Fails when `text` has more than `limit` characters, counted as a person counts them. */
export function checkLength(text: string, field: string, limit: number, hint: string): void {
	const characters = [...text].length;
	if (characters > limit) {
		throw new InputError(
			field,
			`"${field}" has ${characters.toLocaleString('en-US')} characters, more than WhatsApp's ${limit.toLocaleString('en-US')}: ${quote(text)}`,
			hint,
		);
	}
}
