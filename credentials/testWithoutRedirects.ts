import type { DeclarativeRestApiSettings, ICredentialTestRequest } from 'n8n-workflow';

const redirectCodes = [301, 302, 303, 307, 308];

/**
 * A credential test that, like every request of the nodes (see nodes/shared/http/transport.ts),
 * reports a redirect instead of following it: n8n would send the credentials on to wherever
 * the address points, and the test would pass for an address the nodes then refuse.
 */
export function testWithoutRedirects(
	request: DeclarativeRestApiSettings.HttpRequestOptions,
): ICredentialTestRequest {
	return {
		request: { ...request, disableFollowRedirect: true },
		rules: redirectCodes.map((value) => ({
			type: 'responseCode' as const,
			properties: {
				value,
				message: `Base URL redirects to another address (HTTP ${value}). Redirects are not followed, so the credentials never go elsewhere: set Base URL to the address the server answers at`,
			},
		})),
	};
}
