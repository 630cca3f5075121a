import {
	getCountries,
	parsePhoneNumberFromString,
	type CountryCode,
	type PhoneNumber,
} from './vendor/libphonenumber';

import { InputError, quote } from './errors/inputError';

export interface Phone {
	/** `+12025550199` */
	e164: string;
	/** `12025550199`: international digits without `+`, what most WhatsApp APIs want */
	digits: string;
}

const countryCodes = new Set<string>(getCountries());

/** Options for the "Default Country" dropdown, sorted by code. */
export const countryOptions = [...countryCodes].sort().map((code) => ({ name: code, value: code }));

function valid(parsed: PhoneNumber | undefined): parsed is PhoneNumber {
	return parsed !== undefined && parsed.isValid();
}

/**
 * Reads a phone number the way people type it: `+1 (202) 555-0199`, `00 998 90 123 45 67`,
 * `0901234567` with a default country, or bare international digits `12025550199`.
 * Throws an InputError naming the field when the number is not a valid phone number.
 */
export function parsePhone(raw: unknown, field: string, defaultCountry?: string): Phone {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	const fix = defaultCountry
		? 'Use the international format, e.g. +12025550199.'
		: 'Use the international format, e.g. +12025550199, or set "Default Country" in the options.';
	if (text === '') {
		throw new InputError(field, `"${field}" is empty`, `Map a phone number to it. ${fix}`);
	}
	if (defaultCountry && !countryCodes.has(defaultCountry)) {
		throw new InputError(
			'Default Country',
			`"Default Country" is not a known country code: ${quote(defaultCountry)}`,
			'Use a two-letter ISO code such as US, GB or UZ.',
		);
	}

	const international = text.replace(/^00/, '+');
	let parsed: PhoneNumber | undefined;
	if (international.startsWith('+')) {
		parsed = parsePhoneNumberFromString(international);
	} else {
		if (defaultCountry) {
			parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
		}
		// Bare international digits (12025550199) are how many order systems store numbers.
		if (!valid(parsed) && !text.startsWith('0')) {
			parsed = parsePhoneNumberFromString(`+${text}`);
		}
	}
	if (!valid(parsed)) {
		throw new InputError(field, `"${field}" is not a valid phone number: ${quote(text)}`, fix);
	}
	return { e164: parsed.number, digits: parsed.number.slice(1) };
}
