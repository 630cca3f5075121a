import type { Provider } from '../provider';
import { credentialType } from './api';
import { lipaChatContactRequests } from './contact';
import { lipaChatMedia } from './media';
import { lipaChatTextRequest } from './text';
import { readLipaChatSendAnswer } from './sendAnswer';
import { lipaChatTriggerWebhook } from './triggerWebhook';
import { lipaChatTemplates } from './templates';
import { lipaChatInteractive } from './interactive';

/** LipaChat, a WhatsApp gateway: https://gateway.lipachat.com/api/v1, `apiKey` header. */
export const lipaChat: Provider = {
	id: 'lipaChat',
	displayName: 'LipaChat',
	credentialType,
	secretFields: ['apiKey', 'webhookSecret'],
	// LipaChat drops a second message with the same messageId, so a retry cannot duplicate.
	deduplicates: true,
	defaultMaxPerSecond: 20,
	readSendAnswer: readLipaChatSendAnswer,
	contactRequests: lipaChatContactRequests,
	textRequest: lipaChatTextRequest,
	media: lipaChatMedia,
	interactive: lipaChatInteractive,
	templates: lipaChatTemplates,
	webhook: lipaChatTriggerWebhook,
};
