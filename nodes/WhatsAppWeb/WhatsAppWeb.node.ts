import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	operationProperty,
	operationSubtitle,
	sendContactOperation,
	sendTextOperation,
	sendMediaOperation,
} from '../shared/operationProperty';
import { route } from '../shared/router';
import * as sendContact from './actions/sendContact';
import * as sendMedia from './actions/sendMedia';
import * as sendText from './actions/sendText';

const operations = [sendContactOperation, sendTextOperation, sendMediaOperation];

export class WhatsAppWeb implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Web (GOWA)',
		name: 'whatsAppWeb',
		icon: { light: 'file:whatsAppWeb.svg', dark: 'file:whatsAppWeb.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(operations),
		description:
			'Send WhatsApp texts, media and contact cards through a self-hosted go-whatsapp-web-multidevice (GOWA) server',
		defaults: { name: 'WhatsApp Web (GOWA)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppWebApi', required: true }],
		properties: [
			operationProperty(operations),
			...sendContact.description,
			...sendText.description,
			...sendMedia.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, {
			sendContact: sendContact.execute,
			sendText: sendText.execute,
			sendMedia: sendMedia.execute,
		});
	}
}
