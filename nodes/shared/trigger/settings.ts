import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { Provider } from '../providers/provider';

/** What starts the workflow: customers' messages, operator messages, statuses. */
export type TriggerEvent = 'message' | 'operatorMessage' | 'status';

/**
 * What the trigger's parameters say, read once per request or hook by the trigger and handed
 * to the provider: a provider never reads a parameter itself, so one trigger body serves one
 * provider or several.
 */
export interface TriggerSettings {
	provider: Provider;
	events: TriggerEvent[];
	/** Statuses that start the workflow (none: every status) */
	statuses: string[];
	/** Message types that start the workflow (none: every type) */
	messageTypes: string[];
	ignoreGroups: boolean;
	dropDuplicates: boolean;
	downloadMedia: boolean;
	/** The provider's own trigger parameters (`webhook.properties`), by name */
	own: IDataObject;
}

/**
 * The trigger's provider: the only one it serves, or the one its Provider parameter names
 * among several (the all-in-one trigger).
 */
export function chosenProvider(
	context: IWebhookFunctions | IHookFunctions,
	providers: Provider[],
): Provider {
	if (providers.length === 1) return providers[0];
	const id = context.getNodeParameter('provider') as string;
	const provider = providers.find((candidate) => candidate.id === id);
	if (!provider) throw new Error(`The provider "${id}" is not known`);
	return provider;
}

/** Reads every parameter of the trigger once. */
export function readTriggerSettings(
	context: IWebhookFunctions | IHookFunctions,
	providers: Provider[],
): TriggerSettings {
	const provider = chosenProvider(context, providers);
	const own: IDataObject = {};
	for (const property of provider.webhook.properties ?? []) {
		own[property.name] = context.getNodeParameter(
			property.name,
			property.default,
		) as IDataObject[string];
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		provider,
		events: context.getNodeParameter('events', ['status']) as TriggerEvent[],
		statuses: context.getNodeParameter('statuses', []) as string[],
		messageTypes: (options.messageTypes as string[] | undefined) ?? [],
		ignoreGroups: options.ignoreGroups === true,
		dropDuplicates: options.dropDuplicates !== false,
		downloadMedia: options.downloadMedia === true,
		own,
	};
}
