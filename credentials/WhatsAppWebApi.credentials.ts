import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class WhatsAppWebApi implements ICredentialType {
	name = 'whatsAppWebApi';

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
			default: 'http://localhost:3000',
			description: 'Where your go-whatsapp-web-multidevice server runs',
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

	// A function rather than IAuthenticateGeneric: n8n evaluates a generic credential's expressions
	// for every request, in its expression sandbox, which measured as the largest per-message cost
	// in a real n8n 2.41 (see README, Performance). This sets the same basic auth without one.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: {
				username: String(credentials.user ?? ''),
				password: String(credentials.password ?? ''),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/app/devices',
			method: 'GET',
		},
	};
}
