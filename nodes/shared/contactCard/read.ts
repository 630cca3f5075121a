import type { IDataObject } from 'n8n-workflow';

import { InputError, quote } from '../errors/inputError';
import { parsePhone } from '../phone';
import { z } from '../vendor/zod';
import type { ContactCard } from './card';

const text = z.string().trim();
const optionalText = text.optional().transform((value) => (value === '' ? undefined : value));

/** What n8n hands us for one contact; every field may be missing or of the wrong type. */
const rawContactSchema = z.object({
	formattedName: z.unknown(),
	firstName: optionalText,
	lastName: optionalText,
	phones: z
		.object({
			phone: z
				.array(
					z.object({
						number: z.unknown(),
						type: z.string().default('CELL'),
						onWhatsApp: z.boolean().default(true),
					}),
				)
				.default([]),
		})
		.default({ phone: [] }),
	details: z
		.object({
			middleName: optionalText,
			prefix: optionalText,
			suffix: optionalText,
			company: optionalText,
			department: optionalText,
			title: optionalText,
			birthday: optionalText,
			emails: z
				.object({ email: z.array(z.object({ email: text, type: z.string() })).default([]) })
				.default({ email: [] }),
			urls: z
				.object({ url: z.array(z.object({ url: text, type: z.string() })).default([]) })
				.default({ url: [] }),
			addresses: z
				.object({
					address: z
						.array(
							z.object({
								street: optionalText,
								city: optionalText,
								state: optionalText,
								zip: optionalText,
								country: optionalText,
								countryCode: optionalText,
								type: z.string().default('WORK'),
							}),
						)
						.default([]),
				})
				.default({ address: [] }),
		})
		.default({}),
});

const emailPattern = z.string().email();
const birthdayPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function readOne(raw: unknown, label: string, defaultCountry?: string): ContactCard {
	const parsed = rawContactSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(
			`${label} → ${issue.path.join('.')}`,
			`${label} has an unreadable field "${issue.path.join('.')}": ${issue.message}`,
		);
	}
	const contact = parsed.data;
	const formatted =
		typeof contact.formattedName === 'string' || typeof contact.formattedName === 'number'
			? String(contact.formattedName).trim()
			: '';
	if (formatted === '') {
		throw new InputError(
			`${label} → Full Name`,
			`${label}: "Full Name" is empty`,
			'Map the name the customer should see, e.g. {{ $json.courier.name }}.',
		);
	}
	if (contact.phones.phone.length === 0) {
		throw new InputError(
			`${label} → Phones`,
			`${label} (${quote(formatted)}) has no phone number`,
			'Add at least one phone under "Phones".',
		);
	}
	const phones = contact.phones.phone.map((phone, index) => ({
		...parsePhone(phone.number, `${label} → Phone ${index + 1}`, defaultCountry),
		type: phone.type,
		onWhatsApp: phone.onWhatsApp,
	}));

	const details = contact.details;
	for (const { email } of details.emails.email) {
		if (!emailPattern.safeParse(email).success) {
			throw new InputError(
				`${label} → Emails`,
				`${label}: ${quote(email)} is not an email address`,
				'Use an address such as name@example.com, or remove the email.',
			);
		}
	}
	if (details.birthday !== undefined && !birthdayPattern.test(details.birthday)) {
		throw new InputError(
			`${label} → Birthday`,
			`${label}: "Birthday" must be a date in YYYY-MM-DD format, got ${quote(details.birthday)}`,
			'Format the date, e.g. {{ $json.birthday.toDateTime().toFormat("yyyy-MM-dd") }}.',
		);
	}
	const hasOrg = details.company ?? details.department ?? details.title;
	return {
		name: {
			formatted,
			// WhatsApp wants one name part beside the formatted name; the seeds repeat it as first name.
			first: contact.firstName ?? (contact.lastName ? undefined : formatted),
			last: contact.lastName,
			middle: details.middleName,
			prefix: details.prefix,
			suffix: details.suffix,
		},
		phones,
		emails: details.emails.email.filter((e) => e.email !== ''),
		org: hasOrg
			? { company: details.company, department: details.department, title: details.title }
			: undefined,
		urls: details.urls.url.filter((u) => u.url !== ''),
		addresses: details.addresses.address,
		birthday: details.birthday,
	};
}

/**
 * Turns the "Contacts" parameter of one item into contact cards, validating names and
 * phones before anything is sent.
 */
export function readContactCards(
	contactsParameter: unknown,
	defaultCountry?: string,
): ContactCard[] {
	const list = ((contactsParameter ?? {}) as IDataObject).contact;
	if (!Array.isArray(list) || list.length === 0) {
		throw new InputError('Contacts', 'No contact to send', 'Add a contact under "Contacts".');
	}
	return list.map((raw, index) =>
		readOne(raw, list.length === 1 ? 'Contact' : `Contact ${index + 1}`, defaultCountry),
	);
}
