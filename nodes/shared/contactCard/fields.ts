import type { INodeProperties } from 'n8n-workflow';

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
