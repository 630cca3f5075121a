import { sameSecret } from '../../webhookSecret';
import type { TriggerWebhook } from '../provider';
import {
	addOneMsgWebhook,
	oneMsgCallbackSecret,
	oneMsgCallbackUrl,
	oneMsgWebhookUrls,
	removeOneMsgWebhook,
} from './registration';
import { oneMsgWebhookMessages } from './messages';
import { oneMsgWebhookStatuses } from './statuses';

/**
 * 1MSG signs nothing: the URL the trigger registers carries a secret derived from the token.
 * Activation adds that URL to the channel's list, keeping everyone else's; deactivation removes
 * only it.
 */
export const oneMsgTriggerWebhook: TriggerWebhook = {
	setupNotice:
		"Activating the workflow adds this trigger's URL to the 1MSG channel's webhooks (keeping the others; 1MSG allows 5) and turns on delivery notifications. 1MSG sends messages and statuses to the same URL. Deactivating removes only this URL. The URL carries a secret the trigger checks.",
	authentic: (request, credentials, webhookUrl) =>
		sameSecret(request.query.secret, oneMsgCallbackSecret(credentials, webhookUrl)),
	statuses: oneMsgWebhookStatuses,
	messages: oneMsgWebhookMessages,
	async checkExists({ context, credentials, webhookUrl }) {
		const urls = await oneMsgWebhookUrls(context, credentials);
		return urls.includes(oneMsgCallbackUrl(credentials, webhookUrl));
	},
	async create({ context, credentials, webhookUrl }) {
		await addOneMsgWebhook(context, credentials, oneMsgCallbackUrl(credentials, webhookUrl));
	},
	async delete({ context, credentials, webhookUrl }) {
		await removeOneMsgWebhook(context, credentials, oneMsgCallbackUrl(credentials, webhookUrl));
	},
};
