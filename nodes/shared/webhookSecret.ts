import { createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputError } from './errors/inputError';

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function hmacSha256Hex(key: string, data: string | Buffer): string {
	return createHmac('sha256', key).update(data).digest('hex');
}

/** Adds `?secret=` (or `&secret=`) to a webhook URL. */
export function withSecret(url: string, secret: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}secret=${encodeURIComponent(secret)}`;
}

/** A trigger without a secret would take forged callbacks: activation stops and says so. */
export function requireWebhookSecret(
	credentials: ICredentialDataDecryptedObject,
	credential: string,
	where: string,
): void {
	if (String(credentials.webhookSecret ?? '') === '') {
		throw new InputError(
			'Webhook Secret',
			`The ${credential} credential has no Webhook Secret, so the trigger could not tell real status callbacks from forged ones`,
			`Open the credential and set "Webhook Secret" ${where}.`,
		);
	}
}
