import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from './vendor/zod';

import { InputError, quote } from './errors';
import { parsePhone, type Phone } from './phone';

/** A contact card as our nodes understand it, before any provider's wire format. */
export interface ContactCard {
	name: {
		formatted: string;
		first?: string;
		last?: string;
		middle?: string;
		prefix?: string;
		suffix?: string;
	};
	phones: Array<Phone & { type: string; onWhatsApp: boolean }>;
	emails: Array<{ email: string; type: string }>;
	org?: { company?: string; department?: string; title?: string };
	urls: Array<{ url: string; type: string }>;
	addresses: Array<{
		street?: string;
		city?: string;
		state?: string;
		zip?: string;
		country?: string;
		countryCode?: string;
		type: string;
	}>;
	birthday?: string;
}

export interface ContactFieldsOptions {
	/** 1MSG carries the whole WhatsApp card (emails, organisation, addresses...). */
	extended: boolean;
	/** Shown under the Contacts list, e.g. GOWA's one-message-per-contact rule. */
	hint?: string;
}

const phoneTypes = ['CELL', 'HOME', 'IPHONE', 'MAIN', 'WORK'];
const typeOptions = (values: string[]) =>
	values.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value }));

const phonesField: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Phone',
	default: {},
	description: "The contact's phone numbers; at least one is needed",
	options: [
		{
			displayName: 'Phone',
			name: 'phone',
			values: [
				{
					displayName: 'Number',
					name: 'number',
					type: 'string',
					default: '',
					placeholder: '+12025550199',
					description:
						'Any common format: +1 (202) 555-0199, 12025550199, or a national number with "Default Country" set',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: typeOptions(phoneTypes),
					default: 'CELL',
					description: 'How the phone is labelled on the card',
				},
				{
					displayName: 'Is On WhatsApp',
					name: 'onWhatsApp',
					type: 'boolean',
					default: true,
					description:
						'Whether this number has WhatsApp. When on, the card shows Message and Call buttons; when off, it shows "Invite to WhatsApp".',
				},
			],
		},
	],
};

const extendedFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'details',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Addresses',
			name: 'addresses',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Address',
			default: {},
			options: [
				{
					displayName: 'Address',
					name: 'address',
					values: [
						{ displayName: 'City', name: 'city', type: 'string', default: '' },
						{ displayName: 'Country', name: 'country', type: 'string', default: '' },
						{
							displayName: 'Country Code',
							name: 'countryCode',
							type: 'string',
							default: '',
							placeholder: 'US',
							description: 'Two-letter ISO country code',
						},
						{ displayName: 'State', name: 'state', type: 'string', default: '' },
						{ displayName: 'Street', name: 'street', type: 'string', default: '' },
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: typeOptions(['HOME', 'WORK']),
							default: 'WORK',
						},
						{ displayName: 'ZIP', name: 'zip', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Birthday',
			name: 'birthday',
			type: 'string',
			default: '',
			placeholder: '1990-05-31',
			description: 'Date in YYYY-MM-DD format',
		},
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Department',
			name: 'department',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Email',
			default: {},
			options: [
				{
					displayName: 'Email',
					name: 'email',
					values: [
						{
							displayName: 'Email',
							name: 'email',
							type: 'string',
							placeholder: 'name@email.com',
							default: '',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: typeOptions(['HOME', 'WORK']),
							default: 'WORK',
						},
					],
				},
			],
		},
		{
			displayName: 'Job Title',
			name: 'title',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Middle Name',
			name: 'middleName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Name Prefix',
			name: 'prefix',
			type: 'string',
			default: '',
			placeholder: 'Dr.',
		},
		{
			displayName: 'Name Suffix',
			name: 'suffix',
			type: 'string',
			default: '',
			placeholder: 'Jr.',
		},
		{
			displayName: 'URLs',
			name: 'urls',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add URL',
			default: {},
			options: [
				{
					displayName: 'URL',
					name: 'url',
					values: [
						{ displayName: 'URL', name: 'url', type: 'string', default: '' },
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: typeOptions(['HOME', 'WORK']),
							default: 'WORK',
						},
					],
				},
			],
		},
	],
};

/** The "Contacts" parameter, the same in every Send Contact operation. */
export function contactsProperty(
	options: ContactFieldsOptions,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	const values: INodeProperties[] = [
		{
			displayName: 'Full Name',
			name: 'formattedName',
			type: 'string',
			default: '',
			placeholder: 'Jane Specialist',
			description: 'The name shown on the card, e.g. "Jane Specialist" or "Ivan (courier)"',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'Used when the customer saves the contact. Defaults to the full name.',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
		},
		phonesField,
	];
	if (options.extended) values.push(extendedFields);
	return {
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: { contact: [{ formattedName: '', phones: { phone: [{ number: '' }] } }] },
		required: true,
		displayOptions,
		description: options.hint ?? 'The people whose cards are sent, e.g. the courier or specialist',
		options: [{ displayName: 'Contact', name: 'contact', values }],
	};
}

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
