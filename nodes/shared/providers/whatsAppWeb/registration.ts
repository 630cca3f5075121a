import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { InputError } from '../../errors/inputError';
import { callProvider } from '../../http/callProvider';
import { bodyAnswer } from '../../http/readAnswer';
import { joinUrl, type ProviderResponse, type RequestContext } from '../../http/transport';
import type { Answer } from '../provider';
import { credentialType, whatsAppWebDefaultBaseUrl } from './api';

/** The server flags that send statuses to `url` when per-device registration is not available. */
export function whatsAppWebServerFlags(url: string, events: string): string {
	return `WHATSAPP_WEBHOOK=${url} WHATSAPP_WEBHOOK_SECRET=<the credential's Webhook Secret> WHATSAPP_WEBHOOK_EVENTS=${events}`;
}

/** Reads GOWA's answer; an older server without the route gets the flags to set instead. */
function deviceWebhookAnswer(deviceId: string, displayUrl: string, events: string) {
	const readBody = bodyAnswer(`GOWA did not set the webhook of device ${deviceId}`);
	return (response: ProviderResponse): Answer<IDataObject> => {
		const code = (response.body as IDataObject | undefined)?.code;
		if (
			(response.statusCode === 404 || response.statusCode === 405) &&
			code !== 'DEVICE_NOT_FOUND'
		) {
			return {
				ok: false,
				reason: 'rejected',
				httpCode: response.statusCode,
				message:
					'This GOWA server cannot register webhooks per device (no PATCH /devices/{id}/webhook)',
				hint: `Turn "Register On Device" off and start the server with ${whatsAppWebServerFlags(displayUrl, events)}.`,
			};
		}
		return readBody(response);
	};
}

/**
 * Points one device's webhook at `url` (empty `url` clears it) with `PATCH devices/{id}/webhook`.
 * Older GOWA servers lack that route; the error then says which server flags to set instead.
 */
export async function setWhatsAppWebDeviceWebhook(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	url: string,
	displayUrl: string,
	/** GOWA's comma-separated event names, e.g. `message.ack` */
	events = 'message.ack',
): Promise<void> {
	const deviceId = String(credentials.deviceId ?? '').trim();
	if (deviceId === '') {
		throw new InputError(
			'Register On Device',
			'"Register On Device" needs the Device ID of the GOWA credential',
			'Enter the Device ID in the credential, or turn "Register On Device" off and set the server flags.',
		);
	}
	const request = {
		method: 'PATCH' as const,
		url: joinUrl(
			String(credentials.baseUrl || whatsAppWebDefaultBaseUrl),
			'devices',
			encodeURIComponent(deviceId),
			'webhook',
		),
		// GOWA binds every field as a string: the events are one comma-separated string. A PATCH
		// replaces the device's whole config, so clearing sends every field empty.
		body: {
			webhook_url: url,
			webhook_secret: url === '' ? '' : String(credentials.webhookSecret ?? ''),
			webhook_events: url === '' ? '' : events,
		},
	};
	// Writing the whole config again does nothing new: safe to repeat.
	const call = {
		request,
		read: deviceWebhookAnswer(deviceId, displayUrl, events),
		repeatable: true,
	};
	await callProvider(context, { credentialType }, credentials, call);
}
