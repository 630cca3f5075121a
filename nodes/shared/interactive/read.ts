import { InputError } from '../errors/inputError';
import { readMessageText } from '../messageText';
import {
	checkChoice,
	checkCount,
	checkUniqueIds,
	interactiveLimits,
	optionalText,
	type ButtonsMessage,
	type Choice,
	type ListMessage,
} from './choices';

/** Where an interactive message's header and footer can go: what the provider takes. */
export interface Frame {
	header: boolean;
	footer: boolean;
}

/** The parameters of Send Buttons or Send List for one item, as n8n gives them. */
export interface InteractiveParameters {
	text: unknown;
	/** 'fields' (the collection) or 'json' */
	choicesInput: unknown;
	/** The collection: `{ choice: [{ title, id, description?, section? }] }` */
	choices: unknown;
	/** JSON: an array of titles, of `{id, title, description?}` or of sections `{title, rows}` */
	choicesJson: unknown;
	header?: unknown;
	footer?: unknown;
	buttonText?: unknown;
}

type RawChoice = { id?: unknown; title?: unknown; description?: unknown; section?: unknown };
type RawSection = { title?: unknown; rows?: unknown };

const invalidJson = Symbol('invalid JSON');

/** A JSON parameter: n8n gives it parsed or as text. */
function parsedJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return invalidJson;
	}
}

/** The choices as typed or mapped: a list of raw choices, or of raw sections. */
function rawChoices(parameters: InteractiveParameters, field: string): unknown[] {
	if (parameters.choicesInput !== 'json') {
		const list = (parameters.choices as { choice?: unknown[] } | undefined)?.choice;
		return Array.isArray(list) ? list : [];
	}
	const value = parsedJson(parameters.choicesJson);
	if (!Array.isArray(value)) {
		throw new InputError(
			`${field} (JSON)`,
			`"${field} (JSON)" must be an array${value === invalidJson ? ', and is not valid JSON' : ''}`,
			'Give an array, e.g. ["Talk to a person", "Track my order"] or [{"id": "person", "title": "Talk to a person"}].',
		);
	}
	return value;
}

/** The header and footer, each where the provider takes it and within its limit. */
function framing(
	parameters: InteractiveParameters,
	frame: Frame,
	limits: { header: number; footer: number },
): { header?: string; footer?: string } {
	return {
		...(frame.header && { header: optionalText(parameters.header, 'Header Text', limits.header) }),
		...(frame.footer && { footer: optionalText(parameters.footer, 'Footer', limits.footer) }),
	};
}

const asRaw = (value: unknown): RawChoice =>
	value !== null && typeof value === 'object' ? (value as RawChoice) : { title: value };

/** Send Buttons' message for one item, checked against WhatsApp's limits and the provider's frame. */
export function readButtonsMessage(
	parameters: InteractiveParameters,
	frame: Frame,
): ButtonsMessage {
	const limits = interactiveLimits.buttons;
	const field = 'Buttons';
	const body = readMessageText(parameters.text, 'Text', limits.body);
	const raw = rawChoices(parameters, field);
	checkCount(raw.length, limits.min, limits.max, field, 'buttons');
	const buttons = raw.map((value, index) =>
		checkChoice(asRaw(value), `Button ${index + 1}`, field, limits),
	);
	checkUniqueIds(buttons, field);
	return {
		body,
		...framing(parameters, frame, limits),
		buttons,
	};
}

/** Rows grouped by their Section, in the order the sections first appear. */
function sectionsOfRows(rows: RawChoice[], defaultTitle: string): RawSection[] {
	const sections = new Map<string, RawChoice[]>();
	for (const row of rows) {
		const title = String(row.section ?? '').trim() || defaultTitle;
		sections.set(title, [...(sections.get(title) ?? []), row]);
	}
	return [...sections].map(([title, rows]) => ({ title, rows }));
}

/** Send List's message for one item, checked against WhatsApp's limits and the provider's frame. */
export function readListMessage(parameters: InteractiveParameters, frame: Frame): ListMessage {
	const limits = interactiveLimits.list;
	const field = 'Rows';
	const body = readMessageText(parameters.text, 'Text', limits.body);
	const buttonText = readMessageText(parameters.buttonText, 'List Button', limits.buttonText);
	const raw = rawChoices(parameters, field);
	// Sections as given ({title, rows}), or rows, each naming its section.
	const given = raw.every((value) => Array.isArray((value as RawSection | null)?.rows))
		? (raw as RawSection[])
		: sectionsOfRows(raw.map(asRaw), buttonText);
	checkCount(given.length, 1, limits.sections, field, 'sections');
	const rowCount = given.reduce((sum, s) => sum + (Array.isArray(s.rows) ? s.rows.length : 0), 0);
	checkCount(rowCount, 1, limits.rows, field, 'rows');
	let number = 0;
	const sections = given.map((section, index) => {
		const title = String(section.title ?? '').trim() || (given.length === 1 ? buttonText : '');
		if (title === '') {
			throw new InputError(
				field,
				`Section ${index + 1} has no title`,
				'A list of several sections needs a title for each.',
			);
		}
		optionalText(title, field, limits.sectionTitle);
		const rows: Choice[] = (section.rows as unknown[]).map((row) =>
			checkChoice(asRaw(row), `Row ${++number}`, field, limits),
		);
		return { title, rows };
	});
	checkUniqueIds(
		sections.flatMap((s) => s.rows),
		field,
	);
	return {
		body,
		...framing(parameters, frame, limits),
		buttonText,
		sections,
	};
}
