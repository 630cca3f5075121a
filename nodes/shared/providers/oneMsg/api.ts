import type { IDataObject, ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ContactCard } from '../contactCard';
import type { Recipient } from '../recipient';
import {
	joinUrl,
	sendRequest,
	type ProviderRequest,
	type ProviderResponse,
	type RequestContext,
} from '../transport';
import { bodyOrThrow, errorMessageOf, httpFailure } from './answers';
import { windowClosedMessage, type ProviderAdapter, type SendAnswer } from './types';

export const oneMsgDefaultBaseUrl = 'https://api.1msg.io';

/** 1MSG addresses chats as `<digits>@c.us` (person) or `<id>@g.us` (group). */
export const oneMsgChatIdPattern = /^(\d{6,15}@c\.us|[\d-]{6,40}@g\.us)$/;

const windowClosedPattern =
	/outside the allowed window|dialog window is closed|re-?engagement|24[- ]hour|\b131047\b/i;

/**
 * The channel ID: as set in the credential, or read from the token, a JWT whose `instanceId`
 * claim is `instance<channelId>`.
 */
export function oneMsgChannelId(credentials: ICredentialDataDecryptedObject): string {
	const explicit = String(credentials.channelId ?? '').trim();
	if (explicit !== '') return explicit;
	const payload = String(credentials.token ?? '').split('.')[1];
	if (payload) {
		try {
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IDataObject;
			const match = /^instance(\d+)$/.exec(String(claims.instanceId ?? ''));
			if (match) return match[1];
		} catch {
			// Not a JWT: fall through to the error below.
		}
	}
	throw new Error(
		'The 1MSG credential has no Channel ID and its token does not name one: enter the Channel ID from the 1MSG dashboard in the credential',
	);
}

export function oneMsgUrl(credentials: ICredentialDataDecryptedObject, method: string): string {
	const base = String(credentials.baseUrl || oneMsgDefaultBaseUrl);
	return joinUrl(base, oneMsgChannelId(credentials), method);
}

export function oneMsgRecipientFields(recipient: Recipient): IDataObject {
	return recipient.kind === 'chat' ? { chatId: recipient.jid } : { phone: recipient.digits };
}

function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
	) as T;
}

/** The neutral card as a WhatsApp (Cloud API) contact object, which 1MSG passes through. */
function contactObject(card: ContactCard): IDataObject {
	return compact({
		name: compact({
			formatted_name: card.name.formatted,
			first_name: card.name.first,
			last_name: card.name.last,
			middle_name: card.name.middle,
			prefix: card.name.prefix,
			suffix: card.name.suffix,
		}),
		phones: card.phones.map((phone) =>
			compact({
				phone: phone.e164,
				type: phone.type,
				wa_id: phone.onWhatsApp ? phone.digits : undefined,
			}),
		),
		emails: card.emails.length ? card.emails : undefined,
		org: card.org ? compact({ ...card.org }) : undefined,
		urls: card.urls.length ? card.urls : undefined,
		addresses: card.addresses.length
			? card.addresses.map(({ countryCode, ...rest }) =>
					compact({ ...rest, country_code: countryCode }),
				)
			: undefined,
		birthday: card.birthday,
	});
}

export function oneMsgContactRequest(
	credentials: ICredentialDataDecryptedObject,
	recipient: Recipient,
	cards: ContactCard[],
	quotedMsgId?: string,
): ProviderRequest {
	return {
		method: 'POST',
		url: oneMsgUrl(credentials, 'sendContact'),
		body: compact({
			...oneMsgRecipientFields(recipient),
			quotedMsgId,
			contacts: cards.map(contactObject),
		}),
	};
}

function metaCode(body: unknown): string | undefined {
	const error = (body as IDataObject | undefined)?.error;
	const code = error && typeof error === 'object' ? (error as IDataObject).code : undefined;
	return code === undefined ? undefined : String(code);
}

function readSendAnswer(response: ProviderResponse): SendAnswer {
	const body = (response.body ?? {}) as IDataObject;
	if (response.statusCode < 300 && body.sent === true && typeof body.id === 'string') {
		return { ok: true, messageId: body.id };
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

export const oneMsgAdapter: ProviderAdapter = {
	id: 'oneMsg',
	displayName: '1MSG',
	credentialType: 'oneMsgApi',
	secretFields: ['token'],
	deduplicates: false,
	defaultMaxPerSecond: 20,
	readSendAnswer,
};

/**
 * One 1MSG call that is not a send (template list, hookInfo, webhook list, settings): the
 * answer's body, or a SendError with 1MSG's own message after `what`.
 */
export async function oneMsgCall(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	call: Pick<ProviderRequest, 'method' | 'qs' | 'body'> & { path: string },
	what: string,
	timeoutMs = 30_000,
): Promise<IDataObject> {
	const request: ProviderRequest = {
		method: call.method,
		url: oneMsgUrl(credentials, call.path),
		...(call.qs && { qs: call.qs }),
		...(call.body && { body: call.body }),
	};
	const response = await sendRequest(
		context,
		oneMsgAdapter.credentialType,
		credentials,
		request,
		timeoutMs,
	);
	return bodyOrThrow(response, what);
}
