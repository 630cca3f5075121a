import { requireWebhookSecret, sameSecret } from '../../webhookSecret';
import type { TriggerWebhook } from '../provider';
import { lipaChatWebhookMessages } from './messages';
import { lipaChatWebhookStatuses } from './statuses';

/**
 * LipaChat signs nothing and has no API for webhooks: the status callback URL is pasted in its
 * dashboard with `?secret=` and the credential's Webhook Secret, which the trigger checks.
 */
export const lipaChatTriggerWebhook: TriggerWebhook = {
	setupNotice:
		'In the LipaChat dashboard, set the status callback URL (for statuses) and the inbound message URL (for messages) to the Production URL above followed by ?secret= and the Webhook Secret of the LipaChat credential. Callbacks without it get 401.',
	authentic: (request, credentials) =>
		sameSecret(request.query.secret, String(credentials.webhookSecret ?? '')),
	statuses: lipaChatWebhookStatuses,
	messages: lipaChatWebhookMessages,
	async checkExists({ credentials }) {
		requireWebhookSecret(
			credentials,
			'LipaChat',
			'and add ?secret=<that value> to the URL in the LipaChat dashboard',
		);
		// Nothing to register: the URL lives in LipaChat's dashboard.
		return true;
	},
	async create() {},
	async delete() {},
};
