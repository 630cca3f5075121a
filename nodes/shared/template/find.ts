import { InputError, quote } from '../errors/inputError';
import type { Template } from './model';

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
