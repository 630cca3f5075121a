import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError, quote } from './errors';

/**
 * An approved WhatsApp template in Meta's component format (which 1MSG and LipaChat both list),
 * cleaned of the variants providers return: status in any case, language as a string or
 * `{code}`, components as an array or a JSON string.
 */
export interface Template {
	/** Meta's template ID where the provider lists one, else `name@language` */
	key: string;
	name: string;
	language: string;
	namespace?: string;
	status: string;
	category?: string;
	rejectedReason?: string;
	components: TemplateComponent[];
}

export interface TemplateComponent {
	type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | string;
	format?: string;
	text?: string;
	buttons?: Array<{ type: string; text?: string; url?: string }>;
}

/** One value the template needs at send time, with the field name the editor shows. */
export interface TemplateVariable {
	id: string;
	label: string;
	component: 'header' | 'body' | 'button';
	/** The placeholder between the braces: `1`, `2` … or a name */
	placeholder: string;
	/** Index of the button among the template's buttons */
	buttonIndex?: number;
	/** A media header takes a link instead of text */
	media?: 'image' | 'video' | 'document';
}

const placeholderPattern = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const mediaFormats = ['IMAGE', 'VIDEO', 'DOCUMENT'];

/** The placeholders of a text in send order: numbered ones by number, named ones as written. */
export function placeholdersOf(text: string | undefined): string[] {
	const found = [...new Set([...(text ?? '').matchAll(placeholderPattern)].map((m) => m[1]))];
	const numbered = found.every((p) => /^\d+$/.test(p));
	return numbered ? found.sort((a, b) => Number(a) - Number(b)) : found;
}

function componentOf(components: TemplateComponent[], type: string) {
	return components.find((c) => c.type === type);
}

/** Every value the template needs, in the order of its components. */
export function templateVariables(template: Template): TemplateVariable[] {
	const variables: TemplateVariable[] = [];
	const header = componentOf(template.components, 'HEADER');
	const headerFormat = (header?.format ?? 'TEXT').toUpperCase();
	if (header && mediaFormats.includes(headerFormat)) {
		const media = headerFormat.toLowerCase() as TemplateVariable['media'];
		variables.push({
			id: 'header_media',
			label: `Header ${headerFormat.toLowerCase()} link`,
			component: 'header',
			placeholder: '',
			media,
		});
	} else {
		for (const p of placeholdersOf(header?.text)) {
			variables.push({
				id: `header_${p}`,
				label: `Header {{${p}}}`,
				component: 'header',
				placeholder: p,
			});
		}
	}
	for (const p of placeholdersOf(componentOf(template.components, 'BODY')?.text)) {
		variables.push({ id: `body_${p}`, label: `Body {{${p}}}`, component: 'body', placeholder: p });
	}
	const buttons = componentOf(template.components, 'BUTTONS')?.buttons ?? [];
	buttons.forEach((button, buttonIndex) => {
		// Only a URL button with a placeholder in its link takes a value; a static one takes none.
		if (String(button.type).toUpperCase() !== 'URL') return;
		for (const p of placeholdersOf(button.url)) {
			variables.push({
				id: `button_${buttonIndex}_${p}`,
				label: `Button "${button.text ?? buttonIndex + 1}" link {{${p}}}`,
				component: 'button',
				placeholder: p,
				buttonIndex,
			});
		}
	});
	return variables;
}

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

function textParameter(variable: TemplateVariable, text: string): IDataObject {
	return /^\d+$/.test(variable.placeholder)
		? { type: 'text', text }
		: { type: 'text', parameter_name: variable.placeholder, text };
}

/** The values of a template's variables as Cloud-API components (`params` of 1MSG's sendTemplate). */
export function templateParams(
	variables: TemplateVariable[],
	values: Record<string, string>,
): IDataObject[] {
	const params: IDataObject[] = [];
	const header = variables.filter((v) => v.component === 'header');
	if (header.length > 0) {
		params.push({
			type: 'header',
			parameters: header.map((v) =>
				v.media
					? { type: v.media, [v.media]: { link: values[v.id] } }
					: textParameter(v, values[v.id]),
			),
		});
	}
	const body = variables.filter((v) => v.component === 'body');
	if (body.length > 0) {
		params.push({ type: 'body', parameters: body.map((v) => textParameter(v, values[v.id])) });
	}
	const buttonIndexes = [
		...new Set(variables.filter((v) => v.component === 'button').map((v) => v.buttonIndex)),
	];
	for (const index of buttonIndexes) {
		const own = variables.filter((v) => v.component === 'button' && v.buttonIndex === index);
		params.push({
			type: 'button',
			sub_type: 'url',
			index: String(index),
			parameters: own.map((v) => textParameter(v, values[v.id])),
		});
	}
	return params;
}

function fill(
	text: string,
	component: string,
	values: Record<string, string>,
	buttonIndex?: number,
): string {
	return text.replace(placeholderPattern, (whole, p: string) => {
		const id = component === 'button' ? `button_${buttonIndex}_${p}` : `${component}_${p}`;
		return values[id] ?? whole;
	});
}

/** What the customer sees: header, body, footer and button labels, with the values filled in. */
export function templatePreview(template: Template, values: Record<string, string>): string {
	const parts: string[] = [];
	const header = componentOf(template.components, 'HEADER');
	if (header?.text && (header.format ?? 'TEXT').toUpperCase() === 'TEXT')
		parts.push(fill(header.text, 'header', values));
	const body = componentOf(template.components, 'BODY');
	if (body?.text) parts.push(fill(body.text, 'body', values));
	const footer = componentOf(template.components, 'FOOTER');
	if (footer?.text) parts.push(footer.text);
	const buttons = componentOf(template.components, 'BUTTONS')?.buttons ?? [];
	if (buttons.length > 0) parts.push(buttons.map((b) => `[${b.text ?? b.type}]`).join(' '));
	return parts.join('\n\n');
}

/** Picks one listed template the way the user chose it: from the list or by ID, or by name. */
export function findTemplate(
	templates: Template[],
	choice: { mode: string; value: string },
	language: string | undefined,
	field: string,
): Template {
	const value = choice.value.trim();
	if (value === '') {
		throw new InputError(
			field,
			`"${field}" is empty`,
			'Pick a template from the list, or enter its name or ID.',
		);
	}
	const matches =
		choice.mode === 'name'
			? templates.filter((t) => t.name === value && (!language || t.language === language))
			: templates.filter((t) => t.key === value);
	if (matches.length === 0) {
		const how =
			choice.mode === 'name'
				? `named ${quote(value)}${language ? ` in language ${quote(language)}` : ''}`
				: `with ID ${quote(value)}`;
		throw new InputError(
			field,
			`The channel has no template ${how}`,
			'Pick the template from the list; it shows every approved template of the channel.',
		);
	}
	const approved = matches.filter((t) => t.status === 'APPROVED');
	if (approved.length === 0) {
		const t = matches[0];
		throw new InputError(
			field,
			`Template "${t.name}" (${t.language}) is ${t.status}${t.rejectedReason ? ` (reason: ${t.rejectedReason})` : ''}; only approved templates can be sent`,
			'Fix the template in WhatsApp Manager and wait for approval, or pick an approved one.',
		);
	}
	if (approved.length > 1) {
		throw new InputError(
			field,
			`Template ${quote(value)} exists in ${approved.map((t) => t.language).join(', ')}`,
			'Set "Language" to the one to send, or pick the template from the list.',
		);
	}
	return approved[0];
}
