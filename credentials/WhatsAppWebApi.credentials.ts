import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from './authenticateWith';
import {
	credentialType,
	whatsAppWebDefaultBaseUrl,
} from '../nodes/shared/providers/whatsAppWeb/credential';
import { testWithoutRedirects } from './testWithoutRedirects';

export class WhatsAppWebApi implements ICredentialType {
	name = credentialType;

	displayName = 'WhatsApp Web (GOWA) API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppWeb/whatsAppWeb.svg',
		dark: 'file:../nodes/WhatsAppWeb/whatsAppWeb.dark.svg',
	};

	documentationUrl = 'https://github.com/aldinokemal/go-whatsapp-web-multidevice';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: whatsAppWebDefaultBaseUrl,
			description:
				'Where your go-whatsapp-web-multidevice server runs, as it answers: redirects (e.g. http:// to https://) are not followed, so the password never goes to another address',
		},
		{
			displayName: 'Username',
			name: 'user',
			type: 'string',
			default: '',
			description: 'The user of APP_BASIC_AUTH=user:pass on the server; leave empty if it has none',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password of APP_BASIC_AUTH on the server',
		},
		{
			displayName: 'Device ID',
			name: 'deviceId',
			type: 'string',
			default: '',
			description:
				'Sent as X-Device-Id. Needed when several devices are logged in to the server; a node can override it.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the WhatsApp Status Trigger: the server's WHATSAPP_WEBHOOK_SECRET (GOWA's default is \"secret\"; set your own). The trigger checks each webhook's X-Hub-Signature-256 with it.",
		},
	];

	authenticate = authenticateWith((credentials) => ({
		auth: {
			username: String(credentials.user ?? ''),
			password: String(credentials.password ?? ''),
		},
	}));

	test: ICredentialTestRequest = testWithoutRedirects({
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
		url: '/app/devices',
		method: 'GET',
	});
}
