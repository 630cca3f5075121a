import type { IDataObject } from 'n8n-workflow';

/** Said when only n8n's expression engine can give the value. */
export const NEEDS_N8N = Symbol('needs n8n');

type Resolve = (json: IDataObject) => unknown;

// What n8n writes when a field is dragged onto a parameter: `{{ $json.order.phone }}`.
const jsonPath = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*)+)\s*\}\}$/;
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

function pathReader(path: string[]): Resolve {
	return (json) => {
		let value: unknown = json;
		for (let index = 0; index < path.length; index++) {
			const key = path[index];
			// Anything but an own data property is left to n8n: its errors and its semantics.
			if (value === null || typeof value !== 'object') return NEEDS_N8N;
			if (!Object.prototype.hasOwnProperty.call(value, key)) {
				const missingLeaf = index === path.length - 1 && !(key in value);
				return missingLeaf ? undefined : NEEDS_N8N;
			}
			value = (value as IDataObject)[key];
		}
		return value !== null && typeof value === 'object' ? NEEDS_N8N : value;
	};
}

/**
 * Compiles a raw node parameter whose every expression is a plain `{{ $json.a.b }}` mapping
 * into a reader of the item's JSON, giving what n8n's expression engine would give for it.
 * Returns undefined when any expression is more than that. In n8n 2.x each expression runs in
 * a sandbox (≈0.6 ms in the profile of a real n8n), the largest cost of a mapped send; reading
 * the item directly gives the same value without it. Objects and anything unusual (a missing
 * parent, a prototype property) resolve to NEEDS_N8N, so n8n evaluates them as always.
 */
export function compileJsonMappings(raw: unknown): Resolve | undefined {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return () => raw;
		const match = jsonPath.exec(raw);
		if (!match) return undefined;
		const path = match[1].slice(1).split('.');
		if (path.some((key) => unsafeKeys.has(key))) return undefined;
		return pathReader(path);
	}
	if (Array.isArray(raw)) {
		const parts = raw.map(compileJsonMappings);
		if (parts.some((part) => part === undefined)) return undefined;
		return (json) => {
			const out: unknown[] = [];
			for (const part of parts as Resolve[]) {
				const value = part(json);
				if (value === NEEDS_N8N) return NEEDS_N8N;
				out.push(value);
			}
			return out;
		};
	}
	if (raw !== null && typeof raw === 'object') {
		const entries = Object.entries(raw).map(([key, value]) => [key, compileJsonMappings(value)]);
		if (entries.some(([, part]) => part === undefined)) return undefined;
		return (json) => {
			const out: IDataObject = {};
			for (const [key, part] of entries as Array<[string, Resolve]>) {
				const value = part(json);
				if (value === NEEDS_N8N) return NEEDS_N8N;
				out[key] = value as IDataObject[string];
			}
			return out;
		};
	}
	return () => raw;
}
