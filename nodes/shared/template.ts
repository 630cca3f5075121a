import type { IDataObject } from 'n8n-workflow';

import { InputError } from './errors';

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

/**
 * Checks the mapped values against the template before anything is sent: every variable has
 * a non-empty value, and no value is mapped to a variable the template no longer has.
 */
export function checkTemplateValues(
	template: Template,
	variables: TemplateVariable[],
	values: IDataObject,
	field: string,
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
		const raw = values[variable.id];
		const text =
			raw === undefined || raw === null
				? ''
				: String(typeof raw === 'object' ? JSON.stringify(raw) : raw);
		if (text.trim() === '') {
			throw new InputError(
				field,
				`Variable "${variable.label}" of template "${template.name}" is empty; the template needs all ${variables.length} variable(s)`,
				`Map a value to "${variable.label}" under "Variables". WhatsApp rejects a template with a missing or empty variable.`,
			);
		}
		checked[variable.id] = text;
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
				? `named "${value}"${language ? ` in language ${language}` : ''}`
				: `with ID ${value}`;
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
			`Template "${value}" exists in ${approved.map((t) => t.language).join(', ')}`,
			'Set "Language" to the one to send, or pick the template from the list.',
		);
	}
	return approved[0];
}
