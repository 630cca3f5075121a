import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameterResourceLocator,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { InputError } from '../errors/inputError';
import { toNodeError } from '../errors/nodeError';
import { secretsOf } from '../errors/redact';
import { asText } from '../itemParameter';
import type { Provider } from '../providers/provider';
import { findTemplate } from './find';
import { templateVariables, type Template } from './model';

/** The provider's templates for the editor's pickers; a failure reads as a plain message. */
async function loadTemplatesForEditor(
	context: ILoadOptionsFunctions,
	provider: Provider,
): Promise<Template[]> {
	const credentials = await context.getCredentials(provider.credentialType);
	try {
		return await provider.templates!.list(context, credentials);
	} catch (error) {
		throw toNodeError(context.getNode(), error, secretsOf(provider, credentials));
	}
}

/**
 * The editor methods of a Send Template: "From List" of the Template field (approved
 * templates, searchable) and the Variables fields (one per placeholder, named where it sits).
 */
export function templateEditorMethods(provider: Provider) {
	async function searchTemplates(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const templates = await loadTemplatesForEditor(this, provider);
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

	async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const choice = this.getCurrentNodeParameter('template') as
			| INodeParameterResourceLocator
			| undefined;
		const value = String(choice?.value ?? '');
		if (value === '') return { fields: [], emptyFieldsNotice: 'Choose a template first' };
		if (value.startsWith('=')) {
			return {
				fields: [],
				emptyFieldsNotice:
					'The template is an expression, so its variables are known only when the node runs',
			};
		}
		const language = asText(this.getCurrentNodeParameter('language'));
		const templates = await loadTemplatesForEditor(this, provider);
		try {
			const template = findTemplate(
				templates,
				{ mode: choice?.mode ?? 'list', value },
				language || undefined,
				'Template',
			);
			const unsupported = provider.templates?.unsupported?.(template);
			if (unsupported) return { fields: [], emptyFieldsNotice: unsupported };
			const fields = templateVariables(template).map((variable) => ({
				id: variable.id,
				displayName: variable.label,
				required: true,
				defaultMatch: false,
				display: true,
				type: 'string' as const,
				canBeUsedToMatch: false,
			}));
			return { fields, emptyFieldsNotice: 'This template has no variables: it is sent as it is' };
		} catch (error) {
			// findTemplate only throws InputError: a template that is missing, not approved or ambiguous.
			return { fields: [], emptyFieldsNotice: (error as InputError).message };
		}
	}

	return { listSearch: { searchTemplates }, resourceMapping: { getTemplateVariables } };
}
