import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../errors/inputError';
import { componentOf, fill, type Template, type TemplateVariable } from './model';

/** WhatsApp's limits on a template's text once filled in (Meta: 132005). */
const maxBodyLength = 1024;
const maxHeaderLength = 60;

/** Meta refuses a text parameter with a line break, a tab or more than 4 spaces in a row (132018). */
const refusedWhitespace = /[\r\n\t]| {5,}/;

export interface TemplateValueOptions {
	/** Fold line breaks, tabs and runs of spaces in each value into one space */
	foldWhitespace?: boolean;
}

/** The option that folds whitespace, as the editor names it. */
export const foldWhitespaceOption = 'Fold Line Breaks and Spaces';

/** The send option behind `foldWhitespace`, for every Send Template operation. */
export const foldWhitespaceProperty: INodeProperties = {
	displayName: foldWhitespaceOption,
	name: 'foldWhitespace',
	type: 'boolean',
	default: false,
	description:
		'Whether to turn line breaks, tabs and runs of spaces in each variable into one space. WhatsApp refuses a template variable that holds any of them, e.g. a multi-line note from a CRM.',
};

function valueText(raw: unknown): string {
	if (raw === undefined || raw === null) return '';
	return String(typeof raw === 'object' ? JSON.stringify(raw) : raw);
}

function whitespaceProblem(text: string): string | undefined {
	const found = refusedWhitespace.exec(text);
	if (!found) return undefined;
	if (found[0] === '\t') return 'a tab';
	return found[0].startsWith(' ') ? 'more than 4 spaces in a row' : 'a line break';
}

/** Says which value makes a filled text too long: the longest one. */
function tooLong(
	template: Template,
	part: 'Body' | 'Header',
	filled: string,
	limit: number,
	own: TemplateVariable[],
	values: Record<string, string>,
): InputError {
	const longest = own.reduce((a, b) => (values[b.id].length > values[a.id].length ? b : a));
	return new InputError(
		longest.label,
		`The ${part.toLowerCase()} of template "${template.name}" is ${filled.length.toLocaleString('en-US')} characters once filled in; WhatsApp allows ${limit.toLocaleString('en-US')}. The longest value is "${longest.label}" (${values[longest.id].length.toLocaleString('en-US')} characters)`,
		`Shorten the value mapped to "${longest.label}", e.g. {{ $json.note.slice(0, 200) }}.`,
	);
}

/**
 * Checks the mapped values against the template and WhatsApp's rules before anything is sent:
 * every variable has a non-empty value, no value is mapped to a variable the template no longer
 * has, no text value holds a line break, tab or more than 4 spaces in a row, and the body and
 * text header stay within WhatsApp's lengths once filled in. Each error names the variable.
 */
export function checkTemplateValues(
	template: Template,
	variables: TemplateVariable[],
	values: IDataObject,
	field: string,
	options: TemplateValueOptions = {},
): Record<string, string> {
	const known = new Set(variables.map((v) => v.id));
	const stale = Object.keys(values).filter(
		(id) => !known.has(id) && values[id] !== undefined && values[id] !== null && values[id] !== '',
	);
	if (stale.length > 0) {
		throw new InputError(
			field,
			`Template "${template.name}" (${template.language}) takes ${variables.length} variable(s), but values are mapped for ${stale.join(', ')}, which it does not have`,
			'The template changed since the node was set up: open "Variables", click "Refresh" and map the fields again.',
		);
	}
	const checked: Record<string, string> = {};
	for (const variable of variables) {
		let text = valueText(values[variable.id]);
		if (options.foldWhitespace && !variable.media) text = text.replace(/\s+/g, ' ').trim();
		if (text.trim() === '') {
			throw new InputError(
				variable.label,
				`Variable "${variable.label}" of template "${template.name}" is empty; the template needs all ${variables.length} variable(s)`,
				`Map a value to "${variable.label}" under "${field}". WhatsApp rejects a template with a missing or empty variable.`,
			);
		}
		const problem = variable.media ? undefined : whitespaceProblem(text);
		if (problem) {
			throw new InputError(
				variable.label,
				`Variable "${variable.label}" of template "${template.name}" holds ${problem}, which WhatsApp refuses in a template variable`,
				`Turn on "${foldWhitespaceOption}" in the options to send it as one line, or map a value without line breaks, tabs or runs of spaces.`,
			);
		}
		checked[variable.id] = text;
	}
	for (const [part, limit] of [
		['Body', maxBodyLength],
		['Header', maxHeaderLength],
	] as const) {
		const own = variables.filter((v) => v.component === part.toLowerCase() && !v.media);
		const text = componentOf(template.components, part.toUpperCase())?.text;
		if (own.length === 0 || text === undefined) continue;
		const filled = fill(text, part.toLowerCase(), checked);
		if (filled.length > limit) throw tooLong(template, part, filled, limit, own, checked);
	}
	return checked;
}
