import type { Provider } from '../provider';
import { credentialType, oneMsgChatIdPattern } from './api';
import { oneMsgContactRequests } from './contact';
import { oneMsgMedia } from './media';
import { oneMsgTextRequest } from './text';
import { readOneMsgSendAnswer } from './sendAnswer';
import { lookUpOneMsgStatus } from './statuses';
import { oneMsgTriggerWebhook } from './triggerWebhook';
import { oneMsgTemplates } from './templates';
import { oneMsgInteractive } from './interactive';
import { oneMsgReadReceipts } from './readReceipts';

/** 1MSG, a WhatsApp Business API reseller: https://api.1msg.io/{channelId}/{method}. */
export const oneMsg: Provider = {
	id: 'oneMsg',
	displayName: '1MSG',
	credentialType,
	secretFields: ['token'],
	// 1MSG has no idempotency key: a send whose outcome is unknown is never repeated.
	deduplicates: false,
	defaultMaxPerSecond: 20,
	chatIdPattern: oneMsgChatIdPattern,
	readSendAnswer: readOneMsgSendAnswer,
	contactRequests: oneMsgContactRequests,
	textRequest: oneMsgTextRequest,
	media: oneMsgMedia,
	interactive: oneMsgInteractive,
	readReceipts: oneMsgReadReceipts,
	templates: oneMsgTemplates,
	statusLookup: lookUpOneMsgStatus,
	webhook: oneMsgTriggerWebhook,
};
