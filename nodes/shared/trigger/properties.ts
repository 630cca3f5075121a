import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { deliveryStatuses } from '../deliveryStatus';
import { messageTypes } from '../incomingMessage';
import type { Provider } from '../providers/provider';

/** Options named after their values: "delivered" shows as "Delivered". */
const choices = (values: readonly string[]) =>
	values.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value }));

/** With several providers, a provider's parameters show only when it is chosen. */
const shownFor = (providers: Provider[], provider: Provider) =>
	providers.length > 1 ? { displayOptions: { show: { provider: [provider.id] } } } : {};

/** The trigger's credentials: its provider's, or each provider's when chosen. */
export function triggerCredentials(providers: Provider[]): INodeCredentialDescription[] {
	return providers.map((provider) => ({
		name: provider.credentialType,
		required: true,
		...shownFor(providers, provider),
	}));
}

/** The subtitle on the canvas: the provider (when there is a choice) and what starts it. */
export function triggerSubtitle(providers: Provider[]): string {
	const events =
		'(($parameter["events"] || ["status"]).includes("message") ? "messages, " : "") + (($parameter["events"] || []).includes("operatorMessage") ? "operator messages, " : "") + ($parameter["statuses"] || []).join(", ")';
	if (providers.length === 1) return `={{ ${events} }}`;
	const names = Object.fromEntries(providers.map((p) => [p.id, p.displayName]));
	return `={{ ${JSON.stringify(names)}[$parameter["provider"]] + ": " + ${events} }}`;
}

/** The trigger's parameters, for one provider or for a choice of several. */
export function triggerProperties(providers: Provider[]): INodeProperties[] {
	const first = providers[0].id;
	const selector: INodeProperties[] =
		providers.length > 1
			? [
					{
						displayName: 'Provider',
						name: 'provider',
						type: 'options',
						noDataExpression: true,
						options: providers.map((provider) => ({
							name: provider.displayName,
							value: provider.id,
						})),
						default: first,
					},
				]
			: [];
	const providerProperties: INodeProperties[] = providers.flatMap((provider) => [
		{
			displayName: provider.webhook.setupNotice,
			name: `${provider.id}Notice`,
			type: 'notice' as const,
			default: '',
			...shownFor(providers, provider),
		},
		...(provider.webhook.properties ?? []).map((property) => ({
			...property,
			...shownFor(providers, provider),
		})),
	]);
	return [
		...selector,
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
	];
}
