import type { IDataObject } from 'n8n-workflow';

import { errorMessageOf, httpFailure } from '../../http/readAnswer';
import type { ProviderResponse } from '../../http/transport';
import { windowClosedMessage, type SendAnswer } from '../provider';

const windowClosedPattern =
	/outside the allowed window|dialog window is closed|re-?engagement|24[- ]hour|\b131047\b/i;

function metaCode(body: unknown): string | undefined {
	const error = (body as IDataObject | undefined)?.error;
	const code = error && typeof error === 'object' ? (error as IDataObject).code : undefined;
	return code === undefined ? undefined : String(code);
}

/** 1MSG's answer to a send: `sent: true` with an id, else why not (HTTP 200 included). */
export function readOneMsgSendAnswer(response: ProviderResponse): SendAnswer {
	const body = (response.body ?? {}) as IDataObject;
	if (response.statusCode < 300 && body.sent === true && typeof body.id === 'string') {
		return { ok: true, value: { messageId: body.id } };
	}
	const message =
		errorMessageOf(body) ?? `1MSG answered HTTP ${response.statusCode} without a message`;
	const code = metaCode(body);
	if (windowClosedPattern.test(message) || code === '131047') {
		return {
			ok: false,
			...httpFailure(response, `${windowClosedMessage} (1MSG: ${message})`, {
				reason: 'windowClosed',
				code,
			}),
		};
	}
	if (response.statusCode < 300 && body.jobId !== undefined) {
		return {
			ok: false,
			...httpFailure(
				response,
				`1MSG queued the message as job ${String(body.jobId)} instead of sending it: ${message}`,
				{
					reason: 'rejected',
					code: 'QUEUED',
				},
			),
		};
	}
	if (response.statusCode < 300) {
		return {
			ok: false,
			...httpFailure(response, `1MSG did not send the message: ${message}`, {
				reason: 'rejected',
				code,
			}),
		};
	}
	return { ok: false, ...httpFailure(response, `1MSG: ${message}`, { code }) };
}
