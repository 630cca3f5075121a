import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/**
 * What 1MSG's credential is: its type name (the same in every package, so a stored credential
 * works with either), its default address, and where the channel comes from.
 */
export const credentialType = 'oneMsgApi';
export const oneMsgDefaultBaseUrl = 'https://api.1msg.io';

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

/**
 * The same rule as an n8n expression, for the credential's test request (n8n evaluates it, so
 * it cannot call the function above): kept beside the function, and test/oneMsg.sendContact.test.ts
 * ("reads the channel ID from the token") checks that the send and the credential test agree.
 */
export const oneMsgChannelIdExpression =
	'$credentials.channelId || $credentials.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/").base64Decode().parseJson().instanceId.replace("instance", "")';
