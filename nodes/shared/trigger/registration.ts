import type { IHookFunctions } from 'n8n-workflow';

import { toNodeError } from '../errors/nodeError';
import { secretsOf } from '../errors/redact';
import type { Provider, Registration, TriggerWebhook } from '../providers/provider';
import { readTriggerSettings } from './settings';

/**
 * Runs one of the chosen provider's registration hooks with its credentials and the trigger's
 * settings, each read once; whatever fails becomes an n8n error through the one converter, with
 * no secret in it.
 */
async function withProvider<T>(
	context: IHookFunctions,
	providers: Provider[],
	hook: (webhook: TriggerWebhook, registration: Registration) => Promise<T>,
): Promise<T> {
	const settings = readTriggerSettings(context, providers);
	const { provider } = settings;
	const credentials = await context.getCredentials(provider.credentialType);
	const webhookUrl = context.getNodeWebhookUrl('default') ?? '';
	try {
		return await hook(provider.webhook, { context, credentials, webhookUrl, settings });
	} catch (error) {
		throw toNodeError(context.getNode(), error, secretsOf(provider, credentials));
	}
}

/**
 * Activation and deactivation, as the trigger's provider does them: 1MSG adds its URL to the
 * channel's list and removes only its own; GOWA optionally sets it on the device; LipaChat's
 * URL is pasted in its dashboard, so only the secret is checked.
 */
export function triggerWebhookMethods(providers: Provider[]) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await withProvider(this, providers, async (webhook, registration) =>
					webhook.checkExists(registration),
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await withProvider(this, providers, async (webhook, registration) =>
					webhook.create(registration),
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await withProvider(this, providers, async (webhook, registration) =>
					webhook.delete(registration),
				);
				return true;
			},
		},
	};
}
