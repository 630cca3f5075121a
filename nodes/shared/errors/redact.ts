import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

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

/** Replaces every secret value found in a string or JSON value with `[redacted]`. */
export function redact<T>(value: T, secrets: string[]): T {
	const usable = secrets.filter((secret) => secret.length >= 4);
	if (usable.length === 0) return value;
	const scrub = (text: string) =>
		usable.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
	if (typeof value === 'string') return scrub(value) as T;
	if (value === undefined || value === null || typeof value !== 'object') return value;
	const json = JSON.stringify(value);
	// The common case: nothing to hide, so no second copy of the value.
	if (!usable.some((secret) => json.includes(secret))) return value;
	return JSON.parse(scrub(json)) as T;
}
