import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	operationProperty,
	operationSubtitle,
	sendContactOperation,
	sendTextOperation,
	sendMediaOperation,
	sendTemplateOperation,
} from '../shared/operationProperty';
import { oneMsg } from '../shared/providers/oneMsg';
import { route } from '../shared/router';
import { windowClosedOutputsExpression } from '../shared/send/windowClosedOutput';
import { templateEditorMethods } from '../shared/template/editorMethods';
import * as getMessageStatus from './actions/getMessageStatus';
import * as sendContact from './actions/sendContact';
import * as sendMedia from './actions/sendMedia';
import * as sendText from './actions/sendText';
import * as sendTemplate from './actions/sendTemplate';

const operations: INodePropertyOptions[] = [
	sendContactOperation,
	sendTextOperation,
	sendMediaOperation,
	sendTemplateOperation,
	{
		name: 'Get Message Status',
		value: 'hookInfo',
		description: 'Read the delivery status of a sent message',
		action: 'Get the status of a message',
	},
];

export class OneMsg implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1MSG',
		name: 'oneMsg',
		icon: { light: 'file:oneMsg.svg', dark: 'file:oneMsg.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(operations),
		description:
			'Send WhatsApp texts, media, contact cards and templates through the 1MSG WhatsApp Business API',
		defaults: { name: '1MSG' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// One output, or "Sent" and "Window Closed" with that Send Contact option on.
		outputs: windowClosedOutputsExpression,
		credentials: [{ name: 'oneMsgApi', required: true }],
		properties: [
			operationProperty(operations),
			...sendContact.description,
			...sendText.description,
			...sendMedia.description,
			...sendTemplate.description,
			...getMessageStatus.description,
		],
	};

	methods = templateEditorMethods(oneMsg);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, {
			sendContact: sendContact.execute,
			sendText: sendText.execute,
			sendMedia: sendMedia.execute,
			sendTemplate: sendTemplate.execute,
			hookInfo: getMessageStatus.execute,
		});
	}
}
