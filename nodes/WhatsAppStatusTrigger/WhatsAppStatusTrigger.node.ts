import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { deliveryStatuses } from '../shared/status';
import { receiveStatuses } from './receiveStatuses';
import { webhookMethods } from './registration';

const forProvider = (provider: string) => ({ show: { provider: [provider] } });

export class WhatsAppStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Status Trigger',
		name: 'whatsAppStatusTrigger',
		icon: { light: 'file:whatsAppStatusTrigger.svg', dark: 'file:whatsAppStatusTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"oneMsg": "1MSG", "lipaChat": "LipaChat", "whatsAppWeb": "WhatsApp Web (GOWA)"}[$parameter["provider"]] + ": " + ($parameter["statuses"] || []).join(", ") }}',
		description:
			'Starts the workflow when 1MSG, LipaChat or WhatsApp Web (GOWA) reports a message as sent, delivered, read or failed',
		defaults: { name: 'WhatsApp Status Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'oneMsgApi', required: true, displayOptions: forProvider('oneMsg') },
			{ name: 'lipaChatApi', required: true, displayOptions: forProvider('lipaChat') },
			{ name: 'whatsAppWebApi', required: true, displayOptions: forProvider('whatsAppWeb') },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'status' }],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: '1MSG', value: 'oneMsg' },
					{ name: 'LipaChat', value: 'lipaChat' },
					{ name: 'WhatsApp Web (GOWA)', value: 'whatsAppWeb' },
				],
				default: 'oneMsg',
			},
			{
				displayName:
					"Activating the workflow adds this trigger's URL to the 1MSG channel's webhooks (keeping the others; 1MSG allows 5) and turns on delivery notifications. Deactivating removes only this URL. The URL carries a secret the trigger checks.",
				name: 'oneMsgNotice',
				type: 'notice',
				default: '',
				displayOptions: forProvider('oneMsg'),
			},
			{
				displayName:
					'In the LipaChat dashboard, set the status callback URL to the Production URL above followed by ?secret= and the Webhook Secret of the LipaChat credential. Callbacks without it get 401.',
				name: 'lipaChatNotice',
				type: 'notice',
				default: '',
				displayOptions: forProvider('lipaChat'),
			},
			{
				displayName:
					'Start the GOWA server with WHATSAPP_WEBHOOK=<the Production URL above>, WHATSAPP_WEBHOOK_SECRET=<the Webhook Secret of the credential> and WHATSAPP_WEBHOOK_EVENTS=message.ack, or turn on "Register On Device". GOWA reports delivered and read; "sent" is the send answer itself.',
				name: 'whatsAppWebNotice',
				type: 'notice',
				default: '',
				displayOptions: forProvider('whatsAppWeb'),
			},
			{
				displayName: 'Register On Device',
				name: 'registerOnDevice',
				type: 'boolean',
				default: false,
				description:
					"Whether to set this URL as the webhook of the credential's device (PATCH /devices/{ID}/webhook) on activation. A device webhook replaces the server-wide one for that device.",
				displayOptions: forProvider('whatsAppWeb'),
			},
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
