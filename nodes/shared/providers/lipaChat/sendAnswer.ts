import type { IDataObject } from 'n8n-workflow';

import { errorMessageOf, httpFailure } from '../../http/readAnswer';
import type { ProviderResponse } from '../../http/transport';
import { windowClosedMessage, type SendAnswer } from '../provider';

const windowClosedPattern =
	/24[- ]?hour|session (is )?(closed|expired|not active|inactive)|re-?engagement|\b131047\b/i;

/** LipaChat's answer to a send: `status: "success"` with our messageId, else why not. */
export function readLipaChatSendAnswer(response: ProviderResponse): SendAnswer {
	const body = (response.body ?? {}) as IDataObject;
	const data = (body.data ?? {}) as IDataObject;
	if (response.statusCode < 300 && String(body.status).toLowerCase() === 'success') {
		return { ok: true, value: { messageId: String(data.messageId ?? '') } };
	}
	const message =
		errorMessageOf(body) ??
		(typeof data.statusDesc === 'string' ? data.statusDesc : undefined) ??
		`LipaChat answered HTTP ${response.statusCode} without a message`;
	if (windowClosedPattern.test(message)) {
		return {
			ok: false,
			...httpFailure(response, `${windowClosedMessage} (LipaChat: ${message})`, {
				reason: 'windowClosed',
			}),
		};
	}
	return {
		ok: false,
		...httpFailure(
			response,
			`LipaChat: ${message}`,
			response.statusCode < 300 ? { reason: 'rejected' } : {},
		),
	};
}
