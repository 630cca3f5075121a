import type { IDataObject } from 'n8n-workflow';

import { componentOf, fill, type Template, type TemplateVariable } from './model';

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
