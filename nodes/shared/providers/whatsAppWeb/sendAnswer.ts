import type { IDataObject } from 'n8n-workflow';

import { errorMessageOf, httpFailure } from '../../http/readAnswer';
import type { ProviderResponse } from '../../http/transport';
import type { SendAnswer } from '../provider';

/**
 * GOWA answers 500 for its own steps before it sends as for a send that failed on the way
 * (src/usecase/send.go): these messages name a step before the message leaves (fetching a
 * link, converting, uploading the file), so nothing was sent and the answer is a refusal, not
 * an unknown outcome. WhatsApp's own send errors ("failed to send message node", timeouts) are
 * not among them.
 */
const refusedBeforeSending =
	/^(failed to (download|decode|convert|save|store|open|read|create|resolve|write|stat)\b|Failed to (upload|open)\b|ffmpeg not installed|neither ffmpeg)/;

/** GOWA's answer to a send: `code: "SUCCESS"` with `results.message_id`, else its error code. */
export function readWhatsAppWebSendAnswer(response: ProviderResponse): SendAnswer {
	const body = response.body as IDataObject | string | undefined;
	const record = typeof body === 'object' && body !== null ? body : {};
	const results = (record.results ?? {}) as IDataObject;
	if (
		response.statusCode < 300 &&
		record.code === 'SUCCESS' &&
		typeof results.message_id === 'string'
	) {
		return { ok: true, value: { messageId: results.message_id } };
	}
	const code = typeof record.code === 'string' ? record.code : undefined;
	const message =
		errorMessageOf(body) ?? `GOWA answered HTTP ${response.statusCode} without a message`;
	const refusedStep = response.statusCode >= 500 && refusedBeforeSending.test(message);
	const hints: Record<string, string> = {
		DEVICE_ID_REQUIRED:
			' (several devices are logged in: set Device ID in the credential or the node)',
		DEVICE_NOT_FOUND: ' (check Device ID in the credential or the node)',
		INVALID_JID: ' (the recipient is not on WhatsApp or the number is wrong)',
	};
	return {
		ok: false,
		...httpFailure(
			response,
			`GOWA${code ? ` ${code}` : ''}: ${message}${(code && hints[code]) || ''}${refusedStep ? ' (nothing was sent)' : ''}`,
			{ code, ...((response.statusCode < 300 || refusedStep) && { reason: 'rejected' }) },
		),
	};
}
