import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { deliveryStatuses } from '../shared/deliveryStatus';
import { providerList } from '../shared/providers';
import { receiveStatuses } from './receiveStatuses';
import { webhookMethods } from './registration';

const forProvider = (provider: string) => ({ show: { provider: [provider] } });
const displayNames = Object.fromEntries(providerList.map((p) => [p.id, p.displayName]));

/** Each provider's setup notice and own parameters, shown only when it is chosen. */
const providerProperties: INodeProperties[] = providerList.flatMap((provider) => [
	{
		displayName: provider.statusWebhook.setupNotice,
		name: `${provider.id}Notice`,
		type: 'notice' as const,
		default: '',
		displayOptions: forProvider(provider.id),
	},
	...(provider.statusWebhook.properties ?? []).map((property) => ({
		...property,
		displayOptions: forProvider(provider.id),
	})),
]);

export class WhatsAppStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Status Trigger',
		name: 'whatsAppStatusTrigger',
		icon: { light: 'file:whatsAppStatusTrigger.svg', dark: 'file:whatsAppStatusTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(displayNames)}[$parameter["provider"]] + ": " + ($parameter["statuses"] || []).join(", ") }}`,
		description:
			'Starts the workflow when 1MSG, LipaChat or WhatsApp Web (GOWA) reports a message as sent, delivered, read or failed',
		defaults: { name: 'WhatsApp Status Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerList.map((provider) => ({
			name: provider.credentialType,
			required: true,
			displayOptions: forProvider(provider.id),
		})),
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'status' }],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: providerList.map((provider) => ({
					name: provider.displayName,
					value: provider.id,
				})),
				default: 'oneMsg',
			},
			...providerProperties,
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: deliveryStatuses.map((status) => ({
					name: status[0].toUpperCase() + status.slice(1),
					value: status,
				})),
				default: [...deliveryStatuses],
				description: 'Which statuses start the workflow; other statuses are answered and ignored',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Drop Duplicates',
						name: 'dropDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to ignore a status already received for the same message (providers retry callbacks). The last 1,000 are remembered in the workflow.',
					},
				],
			},
		],
	};

	webhookMethods = webhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveStatuses.call(this);
	}
}
