import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	credentialType,
	oneMsgChannelIdExpression,
	oneMsgDefaultBaseUrl,
} from '../nodes/shared/providers/oneMsg/credential';
import { authenticateWith } from './authenticateWith';
import { testWithoutRedirects } from './testWithoutRedirects';

export class OneMsgApi implements ICredentialType {
	name = credentialType;

	displayName = '1MSG API';

	icon: Icon = {
		light: 'file:../nodes/OneMsg/oneMsg.svg',
		dark: 'file:../nodes/OneMsg/oneMsg.dark.svg',
	};

	documentationUrl = 'https://docs.1msg.io/';

	properties: INodeProperties[] = [
		{
			displayName: 'Channel Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The channel token from the 1MSG dashboard (a long JWT)',
		},
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			default: '',
			placeholder: '123456',
			description:
				'The numeric channel ID from the 1MSG dashboard. Leave empty to read it from the token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: oneMsgDefaultBaseUrl,
			description: 'Use https://sandbox.1msg.io for a sandbox channel',
		},
	];

	authenticate = authenticateWith((credentials) => ({
		headers: { Authorization: `Bearer ${String(credentials.token)}` },
	}));

	// The channel ID falls back to the token's `instanceId` claim (`instance<channelId>`).
	test: ICredentialTestRequest = testWithoutRedirects({
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
		url: `=/{{ ${oneMsgChannelIdExpression} }}/status`,
		method: 'GET',
	});
}
