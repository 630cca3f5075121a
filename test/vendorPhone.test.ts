// The build bundles libphonenumber-js with its per-call regular expressions compiled once
// (scripts/esbuildPlugins.js). The bundle must answer exactly as the library does, for every
// country, in every way a number is typed, and again once its patterns are cached.
import * as path from 'path';

import * as library from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';

const bundle: typeof library = require(
	path.join(__dirname, '../dist/nodes/shared/vendor/libphonenumber.js'),
);

type Parse = typeof library.parsePhoneNumberFromString;

function answer(parse: Parse, text: string, country?: library.CountryCode) {
	const parsed = parse(text, country);
	if (parsed === undefined) return undefined;
	return {
		number: parsed.number,
		valid: parsed.isValid(),
		country: parsed.country,
		type: parsed.getType(),
		carrierCode: parsed.carrierCode,
	};
}

/** Every way a number reaches a node: international, national with its country, IDD-prefixed, mistyped. */
function inputs(): Array<[string, library.CountryCode | undefined]> {
	const all: Array<[string, library.CountryCode | undefined]> = [];
	for (const country of library.getCountries()) {
		const example = library.getExampleNumber(country, examples);
		if (example === undefined) continue;
		const national = example.formatNational();
		all.push(
			[example.number, undefined],
			[example.formatInternational(), undefined],
			[national, country],
			[national.replace(/\D/g, ''), country],
			[`${example.number.slice(0, -1)}`, undefined],
			[`${example.number}9`, undefined],
			[`011${example.number.slice(1)}`, 'US'],
			[`00${example.number.slice(1)}`, 'GB'],
		);
	}
	// National prefixes that carry a carrier code or rewrite the number (Brazil, Argentina, Russia).
	all.push(['015 11 96123-4567', 'BR'], ['011 15 2345-6789', 'AR'], ['8 912 345-67-89', 'RU']);
	return all;
}

it('the bundled libphonenumber-js answers as the library does, for every country, twice', () => {
	const cases = inputs();
	expect(cases.length).toBeGreaterThan(1500);
	const fromLibrary = cases.map(([text, country]) =>
		answer(library.parsePhoneNumberFromString, text, country),
	);
	for (const round of [1, 2]) {
		const fromBundle = cases.map(([text, country]) =>
			answer(bundle.parsePhoneNumberFromString, text, country),
		);
		expect({ round, answers: fromBundle }).toEqual({ round, answers: fromLibrary });
	}
	// The cases reach the paths the build changed: national prefixes, IDD prefixes, invalid numbers.
	expect(fromLibrary.filter((a) => a?.valid).length).toBeGreaterThan(1000);
	expect(fromLibrary.filter((a) => a !== undefined && !a.valid).length).toBeGreaterThan(100);
	expect(fromLibrary.slice(-3)).toMatchObject([
		{ number: '+5511961234567', carrierCode: '15' },
		{ number: '+5491123456789' },
		{ number: '+79123456789' },
	]);
});
