import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { callProvider } from '../../http/callProvider';
import { bodyAnswer } from '../../http/readAnswer';
import type { RequestContext } from '../../http/transport';
import type { MediaLink } from '../provider';
import type { IncomingMessage } from '../../incomingMessage';
import { credentialType, whatsAppWebUrl } from './api';

/**
 * A fetchable link to a message's file when GOWA runs with WHATSAPP_AUTO_DOWNLOAD_MEDIA=false:
 * its webhook then carries only WhatsApp's encrypted link (never fetched: it is no plain file),
 * so GOWA is asked to download it, `GET message/{id}/download?phone=<chat>` with the
 * credential's auth and the device that received it, and answers with `file_url` (served under
 * /statics, like auto-downloaded files) or at least `file_path`.
 */
export async function whatsAppWebMediaLink(
	context: RequestContext,
	message: IncomingMessage,
	credentials: ICredentialDataDecryptedObject,
): Promise<MediaLink> {
	const deviceId = String(message.raw.device_id || credentials.deviceId || '').trim();
	const request = {
		method: 'GET' as const,
		url: whatsAppWebUrl(credentials, `message/${encodeURIComponent(message.messageId)}/download`),
		qs: { phone: message.chatId },
		headers: deviceId ? { 'X-Device-Id': deviceId } : undefined,
	};
	const read = bodyAnswer(`GOWA did not download the file of message ${message.messageId}`);
	// A download written again is the same file: safe to repeat.
	const answer = await callProvider(context, { credentialType }, credentials, {
		request,
		read,
		repeatable: true,
	});
	const results = (answer.results ?? {}) as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	const url =
		text(results.file_url) ??
		(text(results.file_path) && whatsAppWebUrl(credentials, String(results.file_path)));
	if (!url) throw new Error('GOWA downloaded the file but gave no link to it');
	return { url, fileName: text(results.filename) };
}
