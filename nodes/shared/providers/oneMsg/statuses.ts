import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../http/transport';
import { records } from '../../metaMessages';
import { oneMsgCall } from './api';

import { normaliseStatusName, statusEvent, type NormalisedStatus } from '../../deliveryStatus';

/**
 * One status event in either of 1MSG's shapes: a hookInfo/Meta status
 * `{id, status, timestamp, recipient_id, errors}` or a webhook ack `{id, chatId, status}`.
 */
function statusOf(raw: IDataObject, receivedAt: Date): NormalisedStatus | undefined {
	const status = normaliseStatusName(raw.status);
	const messageId = raw.id;
	if (!status || typeof messageId !== 'string' || messageId === '') return undefined;
	return statusEvent('oneMsg', raw, {
		messageId,
		status,
		recipient: raw.recipient_id ?? raw.chatId,
		timestamp: raw.timestamp,
		receivedAt,
	});
}

/** The statuses `GET hookInfo?messageId=` returned, oldest first. */
export function oneMsgHookInfoStatuses(body: unknown, receivedAt = new Date()): NormalisedStatus[] {
	const hooks = records((body as IDataObject | undefined)?.hooks);
	return hooks
		.map((hook) => statusOf(hook, receivedAt))
		.filter((s): s is NormalisedStatus => s !== undefined)
		.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

/**
 * The statuses one 1MSG webhook request carries: `ack[]` in 1MSG's own shape, or Meta's raw
 * `entry[].changes[].value.statuses[]` when the channel has raw hooks on.
 */
export function oneMsgWebhookStatuses(body: unknown, receivedAt = new Date()): NormalisedStatus[] {
	const payload = (body ?? {}) as IDataObject;
	const raw = [
		...records(payload.ack),
		...records(payload.entry).flatMap((entry) =>
			records(entry.changes).flatMap((change) =>
				records((change.value as IDataObject | undefined)?.statuses),
			),
		),
	];
	return raw
		.map((r) => statusOf(r, receivedAt))
		.filter((s): s is NormalisedStatus => s !== undefined);
}

/** Get Message Status: `GET hookInfo?messageId=`, every status 1MSG has for the message. */
export async function lookUpOneMsgStatus(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	messageId: string,
) {
	const call = { method: 'GET' as const, path: 'hookInfo', qs: { messageId } };
	const raw = await oneMsgCall(context, credentials, call, '1MSG');
	return { history: oneMsgHookInfoStatuses(raw), raw };
}
