import type { IDataObject } from 'n8n-workflow';

import { errorMessageOf, httpFailure } from '../../http/readAnswer';
import type { ProviderResponse } from '../../http/transport';
import type { SendAnswer } from '../provider';

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
			`GOWA${code ? ` ${code}` : ''}: ${message}${(code && hints[code]) || ''}`,
			{
				code,
				...(response.statusCode < 300 && { reason: 'rejected' }),
			},
		),
	};
}
