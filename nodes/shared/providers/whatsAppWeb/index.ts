import type { Provider } from '../provider';
import { credentialType, whatsAppWebJidPattern } from './api';
import { whatsAppWebContactRequests } from './contact';
import { readWhatsAppWebSendAnswer } from './sendAnswer';
import { whatsAppWebMedia } from './media';
import { whatsAppWebTextRequest } from './text';
import { whatsAppWebTriggerWebhook } from './triggerWebhook';
import { whatsAppWebReadReceipts } from './readReceipts';

/** GOWA (go-whatsapp-web-multidevice): a self-hosted WhatsApp Web server. */
export const whatsAppWeb: Provider = {
	id: 'whatsAppWeb',
	displayName: 'WhatsApp Web (GOWA)',
	credentialType,
	secretFields: ['password', 'webhookSecret'],
	deduplicates: false,
	// WhatsApp Web accounts get locked out for bursts (WA_REACHOUT_TIMELOCK): go gently.
	defaultMaxPerSecond: 2,
	chatIdPattern: whatsAppWebJidPattern,
	readSendAnswer: readWhatsAppWebSendAnswer,
	contactRequests: whatsAppWebContactRequests,
	textRequest: whatsAppWebTextRequest,
	media: whatsAppWebMedia,
	readReceipts: whatsAppWebReadReceipts,
	webhook: whatsAppWebTriggerWebhook,
};
