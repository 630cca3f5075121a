import { sleep, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { InputError } from '../../errors/inputError';
import type { RequestContext } from '../../http/transport';
import { hmacSha256Hex, withSecret } from '../../webhookSecret';
import { oneMsgCall } from './api';

/** 1MSG keeps at most five webhook URLs per channel. */
export const oneMsgMaxWebhooks = 5;

/** `webhookUrl` as 1MSG returns it: one URL, an array, or a comma-separated string. */
export function parseOneMsgWebhookUrls(body: IDataObject): string[] {
	const raw = body.webhookUrl;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return list.map((url) => String(url).trim()).filter((url) => url !== '');
}

/**
 * The URL this trigger registers: n8n's webhook URL plus a secret derived from the channel
 * token, so the trigger can check a callback without storing anything.
 */
export function oneMsgCallbackUrl(
	credentials: ICredentialDataDecryptedObject,
	webhookUrl: string,
): string {
	return withSecret(webhookUrl, oneMsgCallbackSecret(credentials, webhookUrl));
}

export function oneMsgCallbackSecret(
	credentials: ICredentialDataDecryptedObject,
	webhookUrl: string,
): string {
	return hmacSha256Hex(String(credentials.token ?? ''), `n8n-status-trigger:${webhookUrl}`).slice(
		0,
		40,
	);
}

export async function oneMsgWebhookUrls(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
): Promise<string[]> {
	const what = "1MSG could not read the channel's webhooks";
	return parseOneMsgWebhookUrls(
		await oneMsgCall(context, credentials, { method: 'GET', path: 'webhook' }, what),
	);
}

async function writeWebhookUrls(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	urls: string[],
) {
	// POST webhook replaces the whole list, so it always carries everyone else's URLs too.
	const call = { method: 'POST' as const, path: 'webhook', body: { webhookUrl: urls } };
	await oneMsgCall(context, credentials, call, "1MSG did not save the channel's webhooks");
}

/** How often a list write is checked and redone when another writer overwrote it. */
const writeAttempts = 5;

/**
 * Changes the channel's webhook list until a fresh read shows the change. `POST webhook`
 * replaces the whole list, so two triggers activating at once (n8n activates workflows side by
 * side at startup) can each write a list without the other's URL; the loser sees it on the
 * read after a short, jittered wait and writes again.
 */
async function changeWebhookUrls(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	done: (urls: string[]) => boolean,
	change: (urls: string[]) => string[],
): Promise<void> {
	let urls = await oneMsgWebhookUrls(context, credentials);
	for (let attempt = 0; attempt < writeAttempts && !done(urls); attempt++) {
		await writeWebhookUrls(context, credentials, change(urls));
		await sleep(100 + Math.random() * 400);
		urls = await oneMsgWebhookUrls(context, credentials);
	}
	if (!done(urls)) {
		throw new InputError(
			'Webhook',
			"1MSG's webhook list kept changing while this trigger wrote it, so its URL could not be saved",
			"Another tool is writing the channel's webhooks at the same time: activate the workflow again in a minute.",
		);
	}
}

/** Adds our URL next to the channel's other webhooks and turns delivery statuses on. */
export async function addOneMsgWebhook(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	url: string,
): Promise<void> {
	await changeWebhookUrls(
		context,
		credentials,
		(urls) => urls.includes(url),
		(urls) => {
			if (urls.length >= oneMsgMaxWebhooks) {
				throw new InputError(
					'Webhook',
					`The 1MSG channel already has ${urls.length} webhook URLs, the most it allows, so this trigger cannot add its own`,
					'Remove a webhook you no longer use in the 1MSG dashboard (Webhooks), then activate the workflow again.',
				);
			}
			return [...urls, url];
		},
	);
	const settings = {
		method: 'POST' as const,
		path: 'settings',
		body: { ackNotificationsOn: true },
	};
	await oneMsgCall(context, credentials, settings, '1MSG did not turn on delivery notifications');
}

/** Removes only our URL; the channel's other webhooks stay as they were. */
export async function removeOneMsgWebhook(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	url: string,
): Promise<void> {
	await changeWebhookUrls(
		context,
		credentials,
		(urls) => !urls.includes(url),
		(urls) => urls.filter((other) => other !== url),
	);
}
