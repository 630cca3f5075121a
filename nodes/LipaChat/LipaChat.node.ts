import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationProperty, operationSubtitle } from '../shared/operationProperty';
import { lipaChat } from '../shared/providers/lipaChat';
import { route } from '../shared/router';
import { windowClosedOutputsExpression } from '../shared/send/windowClosedOutput';
import { templateEditorMethods } from '../shared/template/editorMethods';
import { sendButtons, sendList } from './actions/sendButtons';
import { sendContact } from './actions/sendContact';
import { sendMedia } from './actions/sendMedia';
import { sendTemplate } from './actions/sendTemplate';
import { sendText } from './actions/sendText';

/** The node's operations, listed once: its selector, parameters, outputs and routes. */
const operations = [sendContact, sendText, sendMedia, sendButtons, sendList, sendTemplate];

export class LipaChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LipaChat',
		name: 'lipaChat',
		icon: { light: 'file:lipaChat.svg', dark: 'file:lipaChat.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(operations),
		description:
			'Send WhatsApp texts, media, contact cards, reply buttons, lists and templates through the LipaChat gateway',
		defaults: { name: 'LipaChat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// One output, or "Sent" and "Window Closed" with that option on.
		outputs: windowClosedOutputsExpression(operations),
		credentials: [{ name: lipaChat.credentialType, required: true }],
		properties: [
			operationProperty(operations),
			...operations.flatMap((operation) => operation.description),
		],
	};

	methods = templateEditorMethods(lipaChat);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, operations);
	}
}
