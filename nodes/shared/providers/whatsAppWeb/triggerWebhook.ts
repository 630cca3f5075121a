import type { TriggerSettings } from '../../trigger/settings';
import { requireWebhookSecret } from '../../webhookSecret';
import type { TriggerWebhook } from '../provider';
import { setWhatsAppWebDeviceWebhook } from './registration';
import { whatsAppWebMediaLink } from './mediaLink';
import { whatsAppWebWebhookMessages } from './messages';
import { whatsAppWebSignatureValid, whatsAppWebWebhookStatuses } from './statuses';

/** Whether the trigger's own parameter Register On Device is on. */
const registerOnDevice = (settings: TriggerSettings) => settings.own.registerOnDevice === true;

/** GOWA's event names for what the trigger listens to (its Events parameter). */
function gowaEvents({ events }: TriggerSettings): string {
	return [
		...(events.includes('message') || events.includes('operatorMessage')
			? ['message', 'message.reaction']
			: []),
		...(events.includes('status') ? ['message.ack'] : []),
	].join(',');
}

/**
 * GOWA signs every webhook with the server's (or the device's) secret. The webhook is set on
 * the server, or per device with "Register On Device".
 */
export const whatsAppWebTriggerWebhook: TriggerWebhook = {
	setupNotice:
		'Start the GOWA server with WHATSAPP_WEBHOOK=<the Production URL above>, WHATSAPP_WEBHOOK_SECRET=<the Webhook Secret of the credential> and WHATSAPP_WEBHOOK_EVENTS=message.ack (statuses) or message,message.reaction,message.ack (messages too), or turn on "Register On Device". GOWA reports delivered and read; "sent" is the send answer itself.',
	properties: [
		{
			displayName: 'Register On Device',
			name: 'registerOnDevice',
			type: 'boolean',
			default: false,
			description:
				"Whether to set this URL as the webhook of the credential's device (PATCH /devices/{ID}/webhook) on activation. A device webhook replaces the server-wide one for that device.",
		},
	],
	authentic: (request, credentials) =>
		whatsAppWebSignatureValid(
			request.rawBody,
			request.headers['x-hub-signature-256'],
			String(credentials.webhookSecret ?? ''),
		),
	statuses: whatsAppWebWebhookStatuses,
	messages: whatsAppWebWebhookMessages,
	mediaLink: whatsAppWebMediaLink,
	async checkExists({ credentials, settings }) {
		requireWebhookSecret(credentials, 'GOWA', "to the server's WHATSAPP_WEBHOOK_SECRET");
		// Setting the device webhook is idempotent, so it is simply done on every activation.
		return !registerOnDevice(settings);
	},
	async create({ context, credentials, webhookUrl, settings }) {
		await setWhatsAppWebDeviceWebhook(
			context,
			credentials,
			webhookUrl,
			webhookUrl,
			gowaEvents(settings),
		);
	},
	async delete({ context, credentials, webhookUrl, settings }) {
		if (registerOnDevice(settings)) {
			await setWhatsAppWebDeviceWebhook(context, credentials, '', webhookUrl);
		}
	},
};
