import type {
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	ResourceMapperFields,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { asText } from '../../shared/itemParameter';
import { findTemplate, templateVariables } from '../../shared/template';
import { loadTemplatesForEditor } from './templates';

/** The Variables fields: one per placeholder of the chosen template, named after where it sits. */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
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
	const templates = await loadTemplatesForEditor(this);
	try {
		const template = findTemplate(
			templates,
			{ mode: choice?.mode ?? 'list', value },
			language || undefined,
			'Template',
		);
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
