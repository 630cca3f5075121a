import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationProperty, operationSubtitle } from '../shared/operationProperty';
import { whatsAppWeb } from '../shared/providers/whatsAppWeb';
import { route } from '../shared/router';
import { markAsRead } from './actions/markAsRead';
import { sendContact } from './actions/sendContact';
import { sendMedia } from './actions/sendMedia';
import { sendText } from './actions/sendText';

/** The node's operations, listed once: its selector, parameters and routes. */
const operations = [sendContact, sendText, sendMedia, markAsRead];

export class WhatsAppWeb implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Web (GOWA)',
		name: 'whatsAppWeb',
		icon: { light: 'file:whatsAppWeb.svg', dark: 'file:whatsAppWeb.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(operations),
		description:
			'Send WhatsApp texts, media and contact cards, and mark messages read, through a self-hosted go-whatsapp-web-multidevice (GOWA) server (WhatsApp Web cannot send buttons or lists)',
		defaults: { name: 'WhatsApp Web (GOWA)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: whatsAppWeb.credentialType, required: true }],
		properties: [
			operationProperty(operations),
			...operations.flatMap((operation) => operation.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, operations);
	}
}
