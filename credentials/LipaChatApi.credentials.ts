import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateWith } from './authenticateWith';
import {
	credentialType,
	lipaChatDefaultBaseUrl,
} from '../nodes/shared/providers/lipaChat/credential';
import { testWithoutRedirects } from './testWithoutRedirects';

export class LipaChatApi implements ICredentialType {
	name = credentialType;

	displayName = 'LipaChat API';

	icon: Icon = {
		light: 'file:../nodes/LipaChat/lipaChat.svg',
		dark: 'file:../nodes/LipaChat/lipaChat.dark.svg',
	};

	documentationUrl = 'https://docs.lipachat.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'From the LipaChat app: Settings → API key',
		},
		{
			displayName: 'Sender Number',
			name: 'senderNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+254110090747',
			description:
				'Your WhatsApp Business number, or the LipaChat sandbox number +254110090747, with country code',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the WhatsApp Status Trigger: a long random string you choose. The callback URL pasted in the LipaChat dashboard ends in ?secret= and this value, so nobody else can post statuses to it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: lipaChatDefaultBaseUrl,
			description: 'Change only for a LipaChat test gateway',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		headers: { apiKey: String(credentials.apiKey) },
	}));

	// Listing the sender's templates needs a valid key and a number that belongs to it.
	test: ICredentialTestRequest = testWithoutRedirects({
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
		url: '=/template/{{ $credentials.senderNumber.replace(/\\D/g, "") }}',
		method: 'GET',
	});
}
