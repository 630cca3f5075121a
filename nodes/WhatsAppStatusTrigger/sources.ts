import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { lipaChatWebhookStatuses } from '../shared/providers/lipaChatStatus';
import { oneMsgCallbackSecret } from '../shared/providers/oneMsgWebhook';
import { oneMsgWebhookStatuses } from '../shared/providers/oneMsgStatus';
import type { ProviderId } from '../shared/providers/types';
import {
	whatsAppWebSignatureValid,
	whatsAppWebWebhookStatuses,
} from '../shared/providers/whatsAppWebStatus';
import type { NormalisedStatus } from '../shared/status';
import { sameSecret } from '../shared/webhookSecret';

export interface IncomingRequest {
	rawBody: Buffer;
	headers: Record<string, unknown>;
	query: IDataObject;
}

/** How the trigger checks and reads one provider's status callbacks. */
export interface StatusSource {
	credentialType: string;
	/** Whether the request comes from the provider (secret in the URL, or a signature) */
	authentic(
		request: IncomingRequest,
		credentials: ICredentialDataDecryptedObject,
		webhookUrl: string,
	): boolean;
	statuses(body: unknown, receivedAt: Date): NormalisedStatus[];
}

export const statusSources: Record<ProviderId, StatusSource> = {
	oneMsg: {
		credentialType: 'oneMsgApi',
		// 1MSG signs nothing: the URL the trigger registered carries a secret derived from the token.
		authentic: (request, credentials, webhookUrl) =>
			sameSecret(request.query.secret, oneMsgCallbackSecret(credentials, webhookUrl)),
		statuses: oneMsgWebhookStatuses,
	},
	lipaChat: {
		credentialType: 'lipaChatApi',
		authentic: (request, credentials) =>
			sameSecret(request.query.secret, String(credentials.webhookSecret ?? '')),
		statuses: lipaChatWebhookStatuses,
	},
	whatsAppWeb: {
		credentialType: 'whatsAppWebApi',
		authentic: (request, credentials) =>
			whatsAppWebSignatureValid(
				request.rawBody,
				request.headers['x-hub-signature-256'],
				String(credentials.webhookSecret ?? ''),
			),
		statuses: whatsAppWebWebhookStatuses,
	},
};
