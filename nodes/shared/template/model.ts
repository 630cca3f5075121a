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

export function componentOf(components: TemplateComponent[], type: string) {
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

/** A component's text with the values filled in. */
export function fill(
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

/** The language a template goes out in: the one typed in the node, else the template's own. */
export function languageToSend(template: Template, typed: string): string {
	return typed || template.language;
}
