import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationProperty, sendContactOperation } from '../shared/operationProperty';
import { route } from '../shared/router';
import * as sendContact from './actions/sendContact';

export class OneMsg implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1MSG',
		name: 'oneMsg',
		icon: { light: 'file:oneMsg.svg', dark: 'file:oneMsg.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Send WhatsApp contact cards through the 1MSG WhatsApp Business API',
		defaults: { name: '1MSG' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneMsgApi', required: true }],
		properties: [
			operationProperty([sendContactOperation]),
			...sendContact.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, { sendContact: sendContact.execute });
	}
}
