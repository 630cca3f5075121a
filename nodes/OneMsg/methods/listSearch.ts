import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadTemplatesForEditor } from './templates';

/** "From list" of the Template field: the channel's approved templates, searchable. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = await loadTemplatesForEditor(this);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = templates
		.filter((t) => t.status === 'APPROVED')
		.filter((t) => needle === '' || `${t.name} ${t.language}`.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
		.map((t) => ({
			name: `${t.name} (${t.language})`,
			value: t.key,
			description: t.category,
		}));
	return { results };
}
