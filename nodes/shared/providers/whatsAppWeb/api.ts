import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { InputError } from '../../errors/inputError';
import { joinUrl } from '../../http/transport';
import type { Recipient } from '../../recipient';

import { whatsAppWebDefaultBaseUrl } from './credential';

export { credentialType, whatsAppWebDefaultBaseUrl } from './credential';

/** GOWA accepts a person's JID, a group, or a linked-device id. */
export const whatsAppWebJidPattern = /^(\d{6,15}@s\.whatsapp\.net|[\d-]{6,40}@g\.us|\d{6,20}@lid)$/;

/** The disappearing-message durations GOWA allows, in seconds. */
export const whatsAppWebDurations = [0, 86400, 604800, 7776000];

export function whatsAppWebUrl(credentials: ICredentialDataDecryptedObject, path: string): string {
	return joinUrl(String(credentials.baseUrl || whatsAppWebDefaultBaseUrl), path);
}

/**
 * What every GOWA send carries: the chat (`phone`), the device that sends (option Device ID, else
 * the credential's), and the options Mark as Forwarded, Disappearing Messages and Reply To
 * Message ID where set.
 */
export function whatsAppWebSendFields(
	credentials: ICredentialDataDecryptedObject,
	recipient: Recipient,
	options: IDataObject,
): { headers?: Record<string, string>; fields: IDataObject } {
	const deviceId = String(options.deviceId || credentials.deviceId || '').trim();
	const isForwarded = options.isForwarded as boolean | undefined;
	const duration = options.duration as number | undefined;
	const replyTo = String(options.replyMessageId ?? '').trim();
	if (duration !== undefined && !whatsAppWebDurations.includes(duration)) {
		throw new InputError(
			'Disappearing Messages',
			`"Disappearing Messages" must be one of ${whatsAppWebDurations.join(', ')} seconds, got ${duration}`,
		);
	}
	return {
		headers: deviceId ? { 'X-Device-Id': deviceId } : undefined,
		fields: {
			phone: recipient.kind === 'chat' ? recipient.jid : `${recipient.digits}@s.whatsapp.net`,
			...(replyTo && { reply_message_id: replyTo }),
			...(isForwarded !== undefined && { is_forwarded: isForwarded }),
			...(duration !== undefined && { duration }),
		},
	};
}
