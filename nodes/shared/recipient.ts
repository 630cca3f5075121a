import { InputError, quote } from './errors/inputError';
import { parsePhone } from './phone';

export interface Recipient {
	kind: 'person' | 'chat';
	/** International digits for a person, the full JID for a chat given as a JID */
	digits?: string;
	e164?: string;
	jid?: string;
}

/**
 * Reads the recipient field: a phone number in any common format, or, where the provider
 * supports it, a chat id such as `120363040000000000@g.us` (a group).
 */
export function readRecipient(
	raw: unknown,
	field: string,
	jidPattern: RegExp | undefined,
	defaultCountry?: string,
): Recipient {
	const text = typeof raw === 'string' ? raw.trim() : raw;
	if (typeof text === 'string' && text.includes('@')) {
		if (jidPattern?.test(text)) return { kind: 'chat', jid: text };
		throw new InputError(
			field,
			`"${field}" is not a phone number or chat id this provider accepts: ${quote(text)}`,
			jidPattern
				? `Use a phone number such as +12025550199, or a chat id matching ${jidPattern.source}.`
				: 'Use a phone number such as +12025550199.',
		);
	}
	const phone = parsePhone(text, field, defaultCountry);
	return { kind: 'person', digits: phone.digits, e164: phone.e164 };
}
