import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { deliveryStatuses } from '../shared/deliveryStatus';
import { messageTypes } from '../shared/incomingMessage';
import { providerList } from '../shared/providers';
import { receiveEvents } from './receiveEvents';
import { webhookMethods } from './registration';

const forProvider = (provider: string) => ({ show: { provider: [provider] } });
/** Options named after their values: "delivered" shows as "Delivered". */
const choices = (values: readonly string[]) =>
	values.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value }));
const displayNames = Object.fromEntries(providerList.map((p) => [p.id, p.displayName]));

/** Each provider's setup notice and own parameters, shown only when it is chosen. */
const providerProperties: INodeProperties[] = providerList.flatMap((provider) => [
	{
		displayName: provider.webhook.setupNotice,
		name: `${provider.id}Notice`,
		type: 'notice' as const,
		default: '',
		displayOptions: forProvider(provider.id),
	},
	...(provider.webhook.properties ?? []).map((property) => ({
		...property,
		displayOptions: forProvider(provider.id),
	})),
]);

export class WhatsAppStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		// The type name stays: saved workflows name it. It now starts on messages too.
		displayName: 'WhatsApp Trigger',
		name: 'whatsAppStatusTrigger',
		icon: { light: 'file:whatsAppStatusTrigger.svg', dark: 'file:whatsAppStatusTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(displayNames)}[$parameter["provider"]] + ": " + (($parameter["events"] || ["status"]).includes("message") ? "messages, " : "") + (($parameter["events"] || []).includes("operatorMessage") ? "operator messages, " : "") + ($parameter["statuses"] || []).join(", ") }}`,
		description:
			'Starts the workflow when a customer writes on 1MSG, LipaChat or WhatsApp Web (GOWA), when a person of the business writes to a customer from the app, or when a message is sent, delivered, read or failed',
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
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{
						name: 'Message',
						value: 'message',
						description: 'A customer wrote: text, media, location, contact, reaction…',
					},
					{
						name: 'Operator Message',
						value: 'operatorMessage',
						description:
							"A person of the business wrote in a customer's chat from the WhatsApp app on the business's phone (1MSG, GOWA; LipaChat reports none). What the API sent never starts it.",
					},
					{
						name: 'Status',
						value: 'status',
						description: 'A message was sent, delivered, read or failed',
					},
				],
				default: ['status'],
				description:
					'What starts the workflow. One URL serves them all, so 1MSG keeps a single webhook for them. Messages carry direction: "incoming" (the customer) or "operator" (a person of the business).',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: choices(deliveryStatuses),
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
							'Whether to ignore a status or message already received (providers retry callbacks). The newest 2,000 per trigger are remembered in the workflow, however late a repeat comes.',
					},
					{
						displayName: 'Download Media',
						name: 'downloadMedia',
						type: 'boolean',
						default: false,
						description:
							'Whether to put a media message\'s file into the item\'s binary data ("data"), where the provider gives a link. A file that cannot be fetched leaves the message with media.error.',
					},
					{
						displayName: 'Ignore Groups',
						name: 'ignoreGroups',
						type: 'boolean',
						default: false,
						description: 'Whether messages written in group chats start nothing',
					},
					{
						displayName: 'Message Types',
						name: 'messageTypes',
						type: 'multiOptions',
						options: choices(messageTypes),
						default: [],
						description: 'Which message types start the workflow; none chosen means all',
					},
				],
			},
		],
	};

	webhookMethods = webhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvents.call(this);
	}
}
