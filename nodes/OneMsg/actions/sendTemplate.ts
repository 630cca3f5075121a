import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { oneMsgAdapter, oneMsgChatIdPattern } from '../../shared/providers/oneMsg';
import {
	fetchOneMsgTemplates,
	oneMsgTemplateRequest,
} from '../../shared/providers/oneMsgTemplates';
import { asText, itemParameter } from '../../shared/itemParameter';
import { recipientReader } from '../../shared/itemReaders';
import { recipientProperty } from '../../shared/recipientProperty';
import { sendItems } from '../../shared/sendItems';
import { sendOptionsProperty } from '../../shared/sendOptions';
import {
	checkTemplateValues,
	findTemplate,
	foldWhitespaceProperty,
	templateParams,
	templateVariables,
	templatePreview,
	type Template,
} from '../../shared/template';

const displayOptions = { show: { operation: ['sendTemplate'] } };

export const description: INodeProperties[] = [
	recipientProperty(
		'Who gets the template: a phone number in any common format (+1 202 555 0199, 12025550199), or a chat ID such as 12025550199@c.us. Templates also reach people who have not written in the last 24 hours.',
		displayOptions,
	),
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'An approved template of the channel. Its namespace and language are filled in when the node runs.',
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
	{
		displayName: 'Namespace',
		name: 'namespace',
		type: 'string',
		default: '',
		placeholder: 'From the template',
		hint: "Leave empty to use the namespace 1MSG lists for the channel's templates",
		description: 'The WhatsApp template namespace (a UUID-like string)',
		displayOptions,
	},
	sendOptionsProperty(oneMsgAdapter.defaultMaxPerSecond, displayOptions, [foldWhitespaceProperty]),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendItems(this, oneMsgAdapter, (credentials, options) => {
		// One template list per execution, shared by every item; nothing is kept between runs.
		let templates: Promise<Template[]> | undefined;
		const listTemplates = () =>
			(templates ??= fetchOneMsgTemplates(this, credentials, options.timeoutMs));
		const recipientOf = recipientReader(this, options.defaultCountry, oneMsgChatIdPattern);
		const choiceOf = itemParameter(
			this,
			'template',
			(value) => value as INodeParameterResourceLocator,
		);
		const languageOf = itemParameter(this, 'language', asText, '');
		const namespaceOf = itemParameter(this, 'namespace', asText, '');
		// Read as the whole resource mapper: n8n checks `variables.value` against the saved schema
		// and fails a missing value with a generic "Invalid input for 'body_4'"; our check names
		// the variable instead. n8n evaluates the mapped expressions, as for any resource mapper.
		const mappedOf = itemParameter(
			this,
			'variables',
			(value) => ((value as IDataObject | null)?.value ?? {}) as IDataObject,
			{},
			{ n8nEvaluates: true },
		);
		const valueOptions = {
			foldWhitespace: this.getNodeParameter('options.foldWhitespace', 0, false) === true,
		};

		return async (itemIndex) => {
			const recipient = recipientOf(itemIndex);
			const choice = choiceOf(itemIndex);
			const language = languageOf(itemIndex);
			const template = findTemplate(
				await listTemplates(),
				{ mode: choice.mode, value: String(choice.value ?? '') },
				choice.mode === 'name' && language !== '' ? language : undefined,
				'Template',
			);
			const variables = templateVariables(template);
			const values = checkTemplateValues(
				template,
				variables,
				mappedOf(itemIndex),
				'Variables',
				valueOptions,
			);
			const namespace = namespaceOf(itemIndex) || template.namespace;
			if (!namespace) {
				throw new InputError(
					'Namespace',
					`1MSG lists no namespace for template "${template.name}", and 1MSG needs one`,
					'Enter the namespace in "Namespace" (WhatsApp Manager → Message templates → the template\'s details).',
				);
			}
			const sent = { name: template.name, namespace, language: language || template.language };
			return {
				to: recipient.e164 ?? recipient.jid ?? '',
				requests: [
					oneMsgTemplateRequest(credentials, recipient, sent, templateParams(variables, values)),
				],
				extra: {
					template: sent.name,
					language: sent.language,
					preview: templatePreview(template, values),
				},
			};
		};
	});
}
