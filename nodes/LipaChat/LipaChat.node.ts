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
import { lipaChat } from '../shared/providers/lipaChat';
import { route } from '../shared/router';
import { windowClosedOutputsExpression } from '../shared/send/windowClosedOutput';
import { templateEditorMethods } from '../shared/template/editorMethods';
import * as sendContact from './actions/sendContact';
import * as sendMedia from './actions/sendMedia';
import * as sendText from './actions/sendText';
import * as sendTemplate from './actions/sendTemplate';

const operations: INodePropertyOptions[] = [
	sendContactOperation,
	sendTextOperation,
	sendMediaOperation,
	sendTemplateOperation,
];

export class LipaChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LipaChat',
		name: 'lipaChat',
		icon: { light: 'file:lipaChat.svg', dark: 'file:lipaChat.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(operations),
		description:
			'Send WhatsApp texts, media, contact cards and templates through the LipaChat gateway',
		defaults: { name: 'LipaChat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// One output, or "Sent" and "Window Closed" with that Send Contact option on.
		outputs: windowClosedOutputsExpression,
		credentials: [{ name: 'lipaChatApi', required: true }],
		properties: [
			operationProperty(operations),
			...sendContact.description,
			...sendText.description,
			...sendMedia.description,
			...sendTemplate.description,
		],
	};

	methods = templateEditorMethods(lipaChat);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, {
			sendContact: sendContact.execute,
			sendText: sendText.execute,
			sendMedia: sendMedia.execute,
			sendTemplate: sendTemplate.execute,
		});
	}
}
