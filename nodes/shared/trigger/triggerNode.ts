import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { Provider } from '../providers/provider';
import { triggerCredentials, triggerProperties, triggerSubtitle } from './properties';
import { receiveEvents } from './receiveEvents';
import { triggerWebhookMethods } from './registration';

/** What tells one trigger node from another: its names, icon and summary. */
export interface TriggerNaming {
	displayName: string;
	/** The type name saved workflows name: never changes once published */
	name: string;
	icon: INodeTypeDescription['icon'];
	description: string;
}

/**
 * A trigger node over a list of providers: one (a service's own package: no Provider
 * parameter) or several (the all-in-one, with a choice). Everything it does is the shared
 * trigger's; the list is the only difference.
 */
export function triggerNodeType(providers: Provider[], naming: TriggerNaming) {
	return class implements INodeType {
		description: INodeTypeDescription = {
			...naming,
			group: ['trigger'],
			version: 1,
			subtitle: triggerSubtitle(providers),
			defaults: { name: naming.displayName },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			credentials: triggerCredentials(providers),
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'status' },
			],
			properties: triggerProperties(providers),
		};

		webhookMethods = triggerWebhookMethods(providers);

		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return await receiveEvents.call(this, providers);
		}
	};
}

/**
 * A service's own trigger (its single-service package): named after the provider ("1MSG
 * Trigger", type `oneMsgTrigger`), with the provider's icon.
 */
export function serviceTriggerNodeType(provider: Provider) {
	return triggerNodeType([provider], {
		displayName: `${provider.displayName} Trigger`,
		name: `${provider.id}Trigger`,
		icon: { light: `file:${provider.id}.svg`, dark: `file:${provider.id}.dark.svg` },
		description: `Starts the workflow when a customer writes on ${provider.displayName}, when a person of the business writes to a customer from the app, or when a message is sent, delivered, read or failed`,
	});
}
