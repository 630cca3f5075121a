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
	if (usable.length === 0 || !holdsAnywhere(value, usable)) return value;
	return scrubbed(value, usable) as T;
}

/** What JSON would write for a value that is not plain data (a Date, a Buffer). */
const jsonOf = (value: object): unknown =>
	typeof (value as { toJSON?: unknown }).toJSON === 'function'
		? (value as { toJSON(): unknown }).toJSON()
		: value;

/**
 * Whether a key, a text or a number anywhere in a value holds a secret: searched where it sits,
 * so the common answer (none) costs no copy.
 */
function holdsAnywhere(value: unknown, usable: string[]): boolean {
	if (typeof value === 'string') return holdsSecret(value, usable);
	if (typeof value === 'number' || typeof value === 'bigint')
		return holdsSecret(String(value), usable);
	if (value === null || typeof value !== 'object') return false;
	const data = jsonOf(value);
	if (data !== value) return holdsAnywhere(data, usable);
	if (Array.isArray(value)) return value.some((entry) => holdsAnywhere(entry, usable));
	for (const key in value) {
		if (holdsSecret(key, usable)) return true;
		if (holdsAnywhere((value as Record<string, unknown>)[key], usable)) return true;
	}
	return false;
}

/** The value as JSON would carry it, every secret in it replaced (a number holding one becomes text). */
function scrubbed(value: unknown, usable: string[]): unknown {
	if (typeof value === 'string') return scrub(value, usable);
	if (typeof value === 'number' || typeof value === 'bigint') {
		const text = String(value);
		return holdsSecret(text, usable) ? scrub(text, usable) : value;
	}
	if (value === null || typeof value !== 'object') return value;
	const data = jsonOf(value);
	if (data !== value) return scrubbed(data, usable);
	if (Array.isArray(value)) return value.map((entry) => scrubbed(entry, usable));
	const out: Record<string, unknown> = {};
	for (const key in value) {
		out[scrub(key, usable)] = scrubbed((value as Record<string, unknown>)[key], usable);
	}
	return out;
}
