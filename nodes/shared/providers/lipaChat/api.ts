import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { joinUrl } from '../../http/transport';
import { parsePhone } from '../../phone';

import { lipaChatDefaultBaseUrl } from './credential';

/** LipaChat's address, its credential, and the WABA number every request names. */
export { credentialType, lipaChatDefaultBaseUrl } from './credential';

export function lipaChatUrl(credentials: ICredentialDataDecryptedObject, path: string): string {
	return joinUrl(String(credentials.baseUrl || lipaChatDefaultBaseUrl), path);
}

/** The credential's Sender Number (your WABA number) as LipaChat's `from`: digits. */
export function lipaChatSender(credentials: ICredentialDataDecryptedObject): string {
	return parsePhone(credentials.senderNumber, 'Sender Number (credential)').digits;
}
