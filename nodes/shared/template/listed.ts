import type { IDataObject } from 'n8n-workflow';

import type { Template, TemplateComponent } from './model';

/**
 * A listed template's components in Meta's format, which 1MSG and LipaChat both pass on: an
 * array or a JSON string of it, types and formats in any case.
 */
export function readComponents(raw: unknown): TemplateComponent[] {
	let value = raw;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return [];
		}
	}
	if (!Array.isArray(value)) return [];
	return value
		.filter((c): c is IDataObject => c !== null && typeof c === 'object')
		.map((c) => ({
			type: String(c.type ?? '').toUpperCase(),
			format: c.format === undefined ? undefined : String(c.format).toUpperCase(),
			text: typeof c.text === 'string' ? c.text : undefined,
			buttons: Array.isArray(c.buttons)
				? (c.buttons as IDataObject[]).map((b) => ({
						type: String(b.type ?? '').toUpperCase(),
						text: typeof b.text === 'string' ? b.text : undefined,
						url: typeof b.url === 'string' ? b.url : undefined,
					}))
				: undefined,
		}));
}

/**
 * One listed template in Meta's shape, as 1MSG and LipaChat list them: status in any case,
 * language as a string or `{code}`, components as an array or a JSON string.
 */
export function readListedTemplate(raw: IDataObject): Template {
	const language =
		typeof raw.language === 'object' && raw.language !== null
			? String((raw.language as IDataObject).code ?? '')
			: String(raw.language ?? '');
	const name = String(raw.name ?? '');
	const reason = raw.rejected_reason ?? raw.rejectedReason;
	return {
		key:
			raw.id !== undefined && raw.id !== null && raw.id !== ''
				? String(raw.id)
				: `${name}@${language}`,
		name,
		language,
		status: String(raw.status ?? '').toUpperCase(),
		category: raw.category === undefined ? undefined : String(raw.category),
		rejectedReason: typeof reason === 'string' && reason !== 'NONE' ? reason : undefined,
		components: readComponents(raw.components),
	};
}
