import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { oncePerObject } from '../oncePerObject';
import type { Provider } from '../providers/provider';

/** The values of a provider's secret credential fields: what must never reach an output. */
export function secretsOf(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): string[] {
	return provider.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string');
}

/** The secrets worth searching for (shorter ones would match ordinary text), per list. */
const usableSecrets = oncePerObject((secrets: string[]) =>
	secrets.filter((secret) => secret.length >= 4),
);

const holdsSecret = (text: string, usable: string[]) =>
	usable.some((secret) => text.includes(secret));

const scrub = (text: string, usable: string[]) =>
	usable.reduce((out, secret) => out.split(secret).join('[redacted]'), text);

/** Replaces every secret value found in a string or JSON value with `[redacted]`. */
export function redact<T>(value: T, secrets: string[]): T {
	const usable = usableSecrets(secrets);
	if (usable.length === 0) return value;
	// The common case, nothing to hide: the value itself, no copy.
	if (typeof value === 'string')
		return (holdsSecret(value, usable) ? scrub(value, usable) : value) as T;
	if (value === undefined || value === null || typeof value !== 'object') return value;
	const json = JSON.stringify(value);
	if (!holdsSecret(json, usable)) return value;
	return JSON.parse(scrub(json, usable)) as T;
}
