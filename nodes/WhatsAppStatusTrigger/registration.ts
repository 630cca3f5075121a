import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHookFunctions,
} from 'n8n-workflow';

import { InputError } from '../shared/errors';
import {
	addOneMsgWebhook,
	oneMsgCallbackUrl,
	oneMsgWebhookUrls,
	removeOneMsgWebhook,
} from '../shared/providers/oneMsgWebhook';
import type { ProviderId } from '../shared/providers/types';
import { setWhatsAppWebDeviceWebhook } from '../shared/providers/whatsAppWebWebhook';
import { redact } from '../shared/transport';
import { statusSources } from './sources';

const secretFields = ['token', 'apiKey', 'password', 'webhookSecret'];

/**
 * Runs one registration step with the chosen provider's credentials, read once; whatever fails
 * reads as a plain message with no secret in it.
 */
async function step<T>(
	context: IHookFunctions,
	work: (provider: ProviderId, credentials: ICredentialDataDecryptedObject) => Promise<T>,
): Promise<T> {
	const provider = context.getNodeParameter('provider') as ProviderId;
	const credentials = await context.getCredentials(statusSources[provider].credentialType);
	const secrets = secretFields.map((field) => String(credentials[field] ?? ''));
	try {
		return await work(provider, credentials);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const hint = error instanceof InputError ? error.hint : undefined;
		throw new NodeOperationError(context.getNode(), redact(message, secrets), {
			description: hint && redact(hint, secrets),
		});
	}
}

function webhookUrl(context: IHookFunctions): string {
	return context.getNodeWebhookUrl('default') ?? '';
}

function requireWebhookSecret(secret: unknown, credential: string, where: string) {
	if (String(secret ?? '') === '') {
		throw new InputError(
			'Webhook Secret',
			`The ${credential} credential has no Webhook Secret, so the trigger could not tell real status callbacks from forged ones`,
			`Open the credential and set "Webhook Secret" ${where}.`,
		);
	}
}

/**
 * Activation and deactivation. 1MSG: the trigger adds its URL to the channel's list (keeping
 * everyone else's) and removes only its own. GOWA: optionally set on the device. LipaChat:
 * the URL is pasted in the dashboard, so only the secret is checked here.
 */
export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await step(this, async (provider, credentials) => {
				if (provider === 'oneMsg') {
					const urls = await oneMsgWebhookUrls(this, credentials);
					return urls.includes(oneMsgCallbackUrl(credentials, webhookUrl(this)));
				}
				if (provider === 'lipaChat') {
					requireWebhookSecret(
						credentials.webhookSecret,
						'LipaChat',
						'and add ?secret=<that value> to the URL in the LipaChat dashboard',
					);
					return true;
				}
				requireWebhookSecret(
					credentials.webhookSecret,
					'GOWA',
					"to the server's WHATSAPP_WEBHOOK_SECRET",
				);
				// Setting the device webhook is idempotent, so it is simply done on every activation.
				return !(this.getNodeParameter('registerOnDevice', false) as boolean);
			});
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return await step(this, async (provider, credentials) => {
				if (provider === 'oneMsg') {
					await addOneMsgWebhook(
						this,
						credentials,
						oneMsgCallbackUrl(credentials, webhookUrl(this)),
					);
				} else if (provider === 'whatsAppWeb') {
					await setWhatsAppWebDeviceWebhook(this, credentials, webhookUrl(this), webhookUrl(this));
				}
				return true;
			});
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return await step(this, async (provider, credentials) => {
				if (provider === 'oneMsg') {
					await removeOneMsgWebhook(
						this,
						credentials,
						oneMsgCallbackUrl(credentials, webhookUrl(this)),
					);
				} else if (
					provider === 'whatsAppWeb' &&
					(this.getNodeParameter('registerOnDevice', false) as boolean)
				) {
					await setWhatsAppWebDeviceWebhook(this, credentials, '', webhookUrl(this));
				}
				return true;
			});
		},
	},
};
