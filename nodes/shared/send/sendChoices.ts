import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asText, itemParameter } from '../itemParameter';
import { interactiveLimits } from '../interactive/choices';
import {
	readButtonsMessage,
	readListMessage,
	type Frame,
	type InteractiveParameters,
} from '../interactive/read';
import { showFor, type Operation } from '../operation';
import type { ProviderRequest } from '../http/transport';
import type { InteractiveSend, Provider } from '../providers/provider';
import { recipientProperty } from '../recipientProperty';
import { addressOf, addressReaders, toOf } from './addressReaders';
import { sendItems } from './sendItems';
import { sendOptionsProperty } from './sendOptions';
import { hasWindowClosedOutput } from './windowClosedOutput';

/** How one node shows Send Buttons or Send List: what its Recipient takes, its own options. */
export interface SendChoicesSetup {
	recipientDescription: string;
	/** Options only this provider has, e.g. 1MSG's Quoted Message ID */
	options: INodeProperties[];
}

/** The two kinds, each with its parameter names and how its message is read. */
const kinds = {
	buttons: {
		option: {
			name: 'Send Buttons',
			value: 'sendButtons',
			description:
				'Send a text with up to 3 reply buttons, e.g. "Talk to a person"; a tap arrives on the trigger as a reply',
			action: 'Send reply buttons',
		},
		choices: 'buttons',
		limits: interactiveLimits.buttons,
	},
	list: {
		option: {
			name: 'Send List',
			value: 'sendList',
			description:
				'Send a text with a button that opens a list of up to 10 choices; the chosen row arrives on the trigger as a reply',
			action: 'Send a list of choices',
		},
		choices: 'rows',
		limits: interactiveLimits.list,
	},
} as const;
type Kind = keyof typeof kinds;

/** The choices: typed in a collection, or given as JSON (what an AI agent fills in). */
function choicesProperties(kind: Kind, displayOptions: INodeProperties['displayOptions']) {
	const { choices } = kinds[kind];
	const inputName = `${choices}Input`;
	const shown = (mode: string) => ({ show: { ...displayOptions!.show, [inputName]: [mode] } });
	const rowFields: INodeProperties[] =
		kind === 'list'
			? [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: `A second line under the title, up to ${interactiveLimits.list.description} characters`,
					},
					{
						displayName: 'Section',
						name: 'section',
						type: 'string',
						default: '',
						description: `The heading the row is listed under, up to ${interactiveLimits.list.sectionTitle} characters; rows with the same section go together. Empty: one section named after the List Button.`,
					},
				]
			: [];
	const { title, id } = kinds[kind].limits;
	// Written apart: the lint's ID-casing fix would rewrite "reply.id" inside the description.
	const idDescription = `The ID the WhatsApp Trigger gives back (reply.id) when this is tapped, up to ${id} characters. Empty: the title.`;
	const example =
		kind === 'buttons'
			? '[{"id": "person", "title": "Talk to a person"}, {"id": "track", "title": "Track my order"}]'
			: '[{"title": "Help", "rows": [{"id": "person", "title": "Talk to a person", "description": "A person answers here"}]}]';
	return [
		{
			displayName: kind === 'buttons' ? 'Define Buttons' : 'Define Rows',
			name: inputName,
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
			description:
				'Type the choices, or give them as JSON (e.g. from an AI agent or an earlier node)',
			displayOptions,
		},
		{
			displayName: kind === 'buttons' ? 'Buttons' : 'Rows',
			name: choices,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: kind === 'buttons' ? 'Add Button' : 'Add Row',
			default: {},
			displayOptions: shown('fields'),
			options: [
				{
					displayName: kind === 'buttons' ? 'Button' : 'Row',
					name: 'choice',
					values: [
						{
							displayName: 'Title',
							name: 'title',
							type: 'string',
							default: '',
							placeholder: 'Talk to a person',
							description: `What the customer taps, up to ${title} characters`,
						},
						{
							displayName: 'ID',
							name: 'id',
							type: 'string',
							default: '',
							placeholder: 'person',
							description: idDescription,
						},
						...rowFields,
					],
				},
			],
		},
		{
			displayName: kind === 'buttons' ? 'Buttons (JSON)' : 'Rows (JSON)',
			name: `${choices}Json`,
			type: 'json',
			default: '[]',
			hint:
				kind === 'buttons'
					? 'An array of titles, or of {id, title}'
					: 'An array of sections {title, rows: [{id, title, description}]}, or of rows {id, title, description, section}',
			description: `For example ${example}`,
			displayOptions: shown('json'),
		},
	] satisfies INodeProperties[];
}

/** Header and footer options, where the provider takes them. */
function frameOptions(kind: Kind, frame: Frame): INodeProperties[] {
	const { header, footer } = kinds[kind].limits;
	return [
		...(frame.header
			? [
					{
						displayName: 'Header Text',
						name: 'headerText',
						type: 'string' as const,
						default: '',
						description: `A bold line above the text, up to ${header} characters`,
					},
				]
			: []),
		...(frame.footer
			? [
					{
						displayName: 'Footer',
						name: 'footer',
						type: 'string' as const,
						default: '',
						description: `A small grey line under the text, up to ${footer} characters`,
					},
				]
			: []),
	];
}

/** Send Buttons or Send List for a provider that has interactive messages: `read` makes its message. */
function sendChoicesOperation<Message>(
	kind: Kind,
	provider: Provider,
	setup: SendChoicesSetup,
	read: (parameters: InteractiveParameters, frame: Frame) => Message,
	api: Frame & { request(send: InteractiveSend<Message>): ProviderRequest },
): Operation {
	const { option, choices } = kinds[kind];
	const displayOptions = showFor(option);
	const options = [...frameOptions(kind, api), ...setup.options];
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, displayOptions),
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 3 },
			placeholder: 'How can we help?',
			description: `The message above the choices, up to ${kinds[kind].limits.body.toLocaleString('en-US')} characters`,
			displayOptions,
		},
		...(kind === 'list'
			? [
					{
						displayName: 'List Button',
						name: 'buttonText',
						type: 'string' as const,
						required: true,
						default: 'Choose',
						description: `The button that opens the list, up to ${interactiveLimits.list.buttonText} characters`,
						displayOptions,
					},
				]
			: []),
		...choicesProperties(kind, displayOptions),
		sendOptionsProperty(provider.defaultMaxPerSecond, displayOptions, options),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const parameter = (name: string) => itemParameter(this, name, (value) => value, '');
		return await sendItems(this, provider, {
			read: (context, credentials, sendOptions) => ({
				...addressReaders(context, credentials, sendOptions, provider),
				textOf: parameter('text'),
				buttonTextOf: kind === 'list' ? itemParameter(this, 'buttonText', asText, '') : () => '',
				inputOf: parameter(`${choices}Input`),
				choicesOf: parameter(choices),
				jsonOf: parameter(`${choices}Json`),
			}),
			prepare: (readers, itemIndex) => {
				const address = addressOf(readers, itemIndex);
				const parameters: InteractiveParameters = {
					text: readers.textOf(itemIndex),
					buttonText: readers.buttonTextOf(itemIndex),
					choicesInput: readers.inputOf(itemIndex),
					choices: readers.choicesOf(itemIndex),
					choicesJson: readers.jsonOf(itemIndex),
					header: address.options.headerText,
					footer: address.options.footer,
				};
				const message = read(parameters, api);
				return {
					to: toOf(address.recipient),
					requests: [api.request({ ...address, message })],
				};
			},
		});
	}
	return { option, description, execute, windowClosedOutput: hasWindowClosedOutput(setup.options) };
}

export const sendButtonsOperation = (provider: Provider, setup: SendChoicesSetup) =>
	sendChoicesOperation(
		'buttons',
		provider,
		setup,
		readButtonsMessage,
		provider.interactive!.buttons,
	);

export const sendListOperation = (provider: Provider, setup: SendChoicesSetup) =>
	sendChoicesOperation('list', provider, setup, readListMessage, provider.interactive!.list);
