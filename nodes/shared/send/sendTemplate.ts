import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../errors/inputError';
import { asText, itemParameter } from '../itemParameter';
import type { Provider, TemplateApi } from '../providers/provider';
import type { Recipient } from '../recipient';
import { recipientProperty } from '../recipientProperty';
import { checkTemplateValues, foldWhitespaceProperty } from '../template/checks';
import { findTemplate } from '../template/find';
import { languageToSend, templateVariables, type Template } from '../template/model';
import { templatePreview } from '../template/params';
import { optionsReader, recipientReader, stableIdReader } from './itemReaders';
import { showFor, type Operation } from '../operation';
import { sendItems, type ItemSender } from './sendItems';
import { sendOptionsProperty } from './sendOptions';

/** How one node shows Send Template: its Recipient and Template texts, its own fields. */
export interface SendTemplateSetup {
	recipientDescription: string;
	templateDescription: string;
	/** Fields only this provider has, e.g. 1MSG's Namespace */
	properties: INodeProperties[];
	/** Options only this provider has, e.g. LipaChat's Message ID */
	options: INodeProperties[];
}

const option = {
	name: 'Send Template',
	value: 'sendTemplate',
	description: 'Send an approved template, also outside the 24-hour window',
	action: 'Send a template',
};
const displayOptions = showFor(option);

function templateProperties(setup: SendTemplateSetup): INodeProperties[] {
	return [
		{
			displayName: 'Template',
			name: 'template',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: setup.templateDescription,
			displayOptions,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a template...',
					typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
				},
				{
					displayName: 'By Name',
					name: 'name',
					type: 'string',
					placeholder: 'e.g. partner_delivery',
					hint: 'The template name as in WhatsApp Manager. If it exists in several languages, set Language.',
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 1234567890123456',
					hint: 'The template ID from WhatsApp Manager',
				},
			],
		},
		{
			displayName: 'Variables',
			name: 'variables',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			description: 'One value per placeholder of the template: body, text header and link buttons',
			displayOptions,
			typeOptions: {
				loadOptionsDependsOn: ['template.value', 'language'],
				resourceMapper: {
					resourceMapperMethod: 'getTemplateVariables',
					mode: 'add',
					fieldWords: { singular: 'variable', plural: 'variables' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: false,
				},
			},
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'From the template',
			hint: 'Leave empty to use the template\'s language. With "By Name", picks which language version to send.',
			description: 'Template language code, e.g. en or pt_BR',
			displayOptions,
		},
		...setup.properties.map((property) => ({ ...property, displayOptions })),
	];
}

interface TemplateReaders {
	credentials: ICredentialDataDecryptedObject;
	/** The provider's templates, listed once per execution and shared by every item */
	listTemplates(): Promise<Template[]>;
	recipientOf(itemIndex: number): Recipient;
	choiceOf(itemIndex: number): INodeParameterResourceLocator;
	languageOf(itemIndex: number): string;
	namespaceOf(itemIndex: number): string;
	mappedOf(itemIndex: number): IDataObject;
	optionsOf(itemIndex: number): IDataObject;
	stableIdOf(itemIndex: number): string;
	foldWhitespace: boolean;
}

function readTemplateParameters(
	context: IExecuteFunctions,
	templates: TemplateApi,
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
	defaultCountry: string | undefined,
	timeoutMs: number,
): TemplateReaders {
	let listed: Promise<Template[]> | undefined;
	return {
		credentials,
		listTemplates: () => (listed ??= templates.list(context, credentials, timeoutMs)),
		recipientOf: recipientReader(context, defaultCountry, provider.chatIdPattern),
		choiceOf: itemParameter(context, 'template', (value) => value as INodeParameterResourceLocator),
		languageOf: itemParameter(context, 'language', asText, ''),
		namespaceOf: itemParameter(context, 'namespace', asText, ''),
		// Read as the whole resource mapper: n8n checks `variables.value` against the saved schema
		// and fails a missing value with a generic "Invalid input for 'body_4'"; our check names
		// the variable instead. n8n evaluates the mapped expressions, as for any resource mapper.
		mappedOf: itemParameter(
			context,
			'variables',
			(value) => ((value as IDataObject | null)?.value ?? {}) as IDataObject,
			{},
			{ n8nEvaluates: true },
		),
		optionsOf: optionsReader(context),
		stableIdOf: stableIdReader(context),
		foldWhitespace: context.getNodeParameter('options.foldWhitespace', 0, false) === true,
	};
}

function templateSender(provider: Provider, templates: TemplateApi): ItemSender<TemplateReaders> {
	return {
		read: (context, credentials, options) =>
			readTemplateParameters(
				context,
				templates,
				provider,
				credentials,
				options.defaultCountry,
				options.timeoutMs,
			),
		prepare: async (readers, itemIndex) => {
			const recipient = readers.recipientOf(itemIndex);
			const choice = readers.choiceOf(itemIndex);
			const language = readers.languageOf(itemIndex);
			const template = findTemplate(
				await readers.listTemplates(),
				{ mode: choice.mode, value: String(choice.value ?? '') },
				choice.mode === 'name' && language !== '' ? language : undefined,
				'Template',
			);
			const unsupported = templates.unsupported?.(template);
			if (unsupported) {
				throw new InputError(
					'Template',
					unsupported,
					'Pick a template without such variables, or send this one through another provider.',
				);
			}
			const variables = templateVariables(template);
			const values = checkTemplateValues(
				template,
				variables,
				readers.mappedOf(itemIndex),
				'Variables',
				{
					foldWhitespace: readers.foldWhitespace,
				},
			);
			const send = {
				credentials: readers.credentials,
				recipient,
				template,
				variables,
				values,
				language,
				namespace: readers.namespaceOf(itemIndex),
				options: readers.optionsOf(itemIndex),
				stableId: readers.stableIdOf(itemIndex),
			};
			return {
				to: recipient.e164 ?? recipient.jid ?? '',
				requests: [templates.request(send)],
				extra: {
					template: template.name,
					language: languageToSend(template, language),
					preview: templatePreview(template, values),
				},
			};
		},
	};
}

/** The one Send Template operation, given a provider that has templates. */
export function sendTemplateOperation(provider: Provider, setup: SendTemplateSetup): Operation {
	const templates = provider.templates;
	if (!templates) throw new Error(`${provider.displayName} has no templates`);
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, displayOptions),
		...templateProperties(setup),
		sendOptionsProperty(provider.defaultMaxPerSecond, displayOptions, [
			foldWhitespaceProperty,
			...setup.options,
		]),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendItems(this, provider, templateSender(provider, templates!));
	}
	return { option, description, execute };
}
