import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

import { compileJsonMappings, NEEDS_N8N } from './jsonMapping';

/** Whether a raw node parameter holds an n8n expression anywhere inside it. */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/** A text parameter as typed, without surrounding spaces; empty when unset. */
export const asText = (value: unknown): string => String(value ?? '').trim();

type Outcome<T> = { value: T } | { error: unknown };

/** A read's value, or the error it threw, kept for when it is asked for. */
function outcomeOf<T>(read: () => T): Outcome<T> {
	try {
		return { value: read() };
	} catch (error) {
		return { error };
	}
}

/** The kept value, or its error thrown again. */
function valueOf<T>(outcome: Outcome<T>): T {
	if ('error' in outcome) throw outcome.error;
	return outcome.value;
}

const LEFT_TO_N8N = Symbol('left to n8n');

/**
 * Reads every item's value in one pass the first time one is asked for, keeping each value or
 * its error for its item's turn. Parsing many values in a row runs warm; one parsed between two
 * requests runs cold, with n8n's HTTP code in between (libphonenumber-js: 0.0035 ms a number in
 * a row, 0.027 ms between requests inside n8n; docs/performance.md). Values `readOne` leaves to
 * n8n are read by `read` at their turn.
 */
function readAhead<T>(
	count: number,
	readOne: (itemIndex: number) => T | typeof LEFT_TO_N8N,
	read: (itemIndex: number) => T,
): (itemIndex: number) => T {
	let outcomes: Array<Outcome<T | typeof LEFT_TO_N8N>> | undefined;
	return (itemIndex) => {
		outcomes ??= Array.from({ length: count }, (_, index) => outcomeOf(() => readOne(index)));
		const outcome = outcomes[itemIndex];
		const value = outcome === undefined ? LEFT_TO_N8N : valueOf(outcome);
		return value === LEFT_TO_N8N ? read(itemIndex) : value;
	};
}

/**
 * Reads and parses one parameter per item. A parameter without an expression is the same for
 * every item, so it is read and parsed once per execution (a contact card's phones, its checks)
 * and its result, or its error, is handed to every item. A parameter whose expressions are all
 * plain `{{ $json.field }}` mappings is read from the item itself (see jsonMapping.ts); set
 * `n8nEvaluates` where n8n must see the value, e.g. a resource mapper whose values n8n converts
 * to their schema types. Nothing outlives the execution.
 */
export function itemParameter<T>(
	context: IExecuteFunctions,
	path: string,
	parse: (value: unknown) => T,
	fallback?: NodeParameterValueType,
	{ n8nEvaluates = false }: { n8nEvaluates?: boolean } = {},
): (itemIndex: number) => T {
	const read = (itemIndex: number) => parse(context.getNodeParameter(path, itemIndex, fallback));
	// The parameter as stored in the workflow, expressions unevaluated; null when it is not set.
	const raw = context.getNodeParameter(path, 0, null, { rawExpressions: true });
	if (holdsExpression(raw)) {
		const mapped = n8nEvaluates ? undefined : compileJsonMappings(raw);
		if (mapped === undefined) return read;
		const items = context.getInputData();
		return readAhead(
			items.length,
			(itemIndex) => {
				const value = mapped(items[itemIndex]?.json ?? {});
				return value === NEEDS_N8N ? LEFT_TO_N8N : parse(value);
			},
			read,
		);
	}

	let once: Outcome<T> | undefined;
	return (itemIndex) => valueOf((once ??= outcomeOf(() => read(itemIndex))));
}
