import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationProperty, operationSubtitle } from '../shared/operationProperty';
import { oneMsg } from '../shared/providers/oneMsg';
import { route } from '../shared/router';
import { windowClosedOutputsExpression } from '../shared/send/windowClosedOutput';
import { templateEditorMethods } from '../shared/template/editorMethods';
import { getMessageStatus } from './actions/getMessageStatus';
import { markAsRead } from './actions/markAsRead';
import { sendButtons, sendList } from './actions/sendButtons';
import { sendContact } from './actions/sendContact';
import { sendMedia } from './actions/sendMedia';
import { sendTemplate } from './actions/sendTemplate';
import { sendText } from './actions/sendText';

/** The node's operations, listed once: its selector, parameters, outputs and routes. */
const operations = [
	sendContact,
	sendText,
	sendMedia,
	sendButtons,
	sendList,
	sendTemplate,
	markAsRead,
	getMessageStatus,
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
			'Send WhatsApp texts, media, contact cards, reply buttons, lists and templates, and mark messages read, through the 1MSG WhatsApp Business API',
		defaults: { name: '1MSG' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// One output, or "Sent" and "Window Closed" with that option on.
		outputs: windowClosedOutputsExpression(operations),
		credentials: [{ name: oneMsg.credentialType, required: true }],
		properties: [
			operationProperty(operations),
			...operations.flatMap((operation) => operation.description),
		],
	};

	methods = templateEditorMethods(oneMsg);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, operations);
	}
}
