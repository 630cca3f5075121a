import type { IHookFunctions } from 'n8n-workflow';

import { toNodeError } from '../shared/errors/nodeError';
import { secretsOf } from '../shared/errors/redact';
import { providers } from '../shared/providers';
import type { ProviderId, Registration, TriggerWebhook } from '../shared/providers/provider';

/**
 * Runs one of the chosen provider's registration hooks with its credentials, read once;
 * whatever fails becomes an n8n error through the one converter, with no secret in it.
 */
async function withProvider<T>(
	context: IHookFunctions,
	hook: (webhook: TriggerWebhook, registration: Registration) => Promise<T>,
): Promise<T> {
	const provider = providers[context.getNodeParameter('provider') as ProviderId];
	const credentials = await context.getCredentials(provider.credentialType);
	const webhookUrl = context.getNodeWebhookUrl('default') ?? '';
	try {
		return await hook(provider.webhook, { context, credentials, webhookUrl });
	} catch (error) {
		throw toNodeError(context.getNode(), error, secretsOf(provider, credentials));
	}
}

/**
 * Activation and deactivation, as the chosen provider does them: 1MSG adds its URL to the
 * channel's list and removes only its own; GOWA optionally sets it on the device; LipaChat's
 * URL is pasted in its dashboard, so only the secret is checked.
 */
export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await withProvider(this, async (webhook, registration) =>
				webhook.checkExists(registration),
			);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			await withProvider(this, async (webhook, registration) => webhook.create(registration));
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			await withProvider(this, async (webhook, registration) => webhook.delete(registration));
			return true;
		},
	},
};
