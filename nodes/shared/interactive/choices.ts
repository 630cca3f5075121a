import { InputError, quote } from '../errors/inputError';
import { checkLength } from '../messageText';

/** One choice a customer can tap: a reply button, or a row of a list. */
export interface Choice {
	/** What comes back on the trigger when the customer taps it (`reply.id`) */
	id: string;
	title: string;
	/** A list row's second line */
	description?: string;
}

/** Reply buttons: a text with one to three buttons under it. */
export interface ButtonsMessage {
	body: string;
	header?: string;
	footer?: string;
	buttons: Choice[];
}

/** A list: a text with a button that opens sections of rows to choose one from. */
export interface ListMessage {
	body: string;
	header?: string;
	footer?: string;
	/** The button that opens the list */
	buttonText: string;
	sections: Array<{ title: string; rows: Choice[] }>;
}

/**
 * Meta's Cloud API limits for interactive messages, which 1MSG and LipaChat pass on (Meta:
 * "Interactive reply buttons messages", "Interactive list messages"), in characters.
 */
export const interactiveLimits = {
	buttons: { min: 1, max: 3, id: 256, title: 20, body: 1024, header: 60, footer: 60 },
	list: {
		buttonText: 20,
		sections: 10,
		rows: 10,
		id: 200,
		title: 24,
		description: 72,
		sectionTitle: 24,
		body: 4096,
		header: 60,
		footer: 60,
	},
} as const;

/** An optional text (header, footer): absent when empty, else within `limit`. */
export function optionalText(value: unknown, field: string, limit: number): string | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	checkLength(text, field, limit, `Shorten it to at most ${limit} characters.`);
	return text;
}

/** A choice's id and title (and description) checked; the id is the title when left empty. */
export function checkChoice(
	raw: { id?: unknown; title?: unknown; description?: unknown },
	where: string,
	field: string,
	limits: { id: number; title: number; description?: number },
): Choice {
	const title = String(raw.title ?? '').trim();
	if (title === '') {
		throw new InputError(
			field,
			`${where} has no title`,
			'Give every choice the words the customer taps.',
		);
	}
	checkLength(
		title,
		field,
		limits.title,
		`Shorten ${where}'s title to at most ${limits.title} characters (WhatsApp's limit).`,
	);
	const id = String(raw.id ?? '').trim() || title;
	checkLength(id, field, limits.id, `Shorten ${where}'s ID to at most ${limits.id} characters.`);
	const description = String(raw.description ?? '').trim();
	if (description === '') return { id, title };
	if (limits.description === undefined) {
		throw new InputError(
			field,
			`${where} has a description, which a reply button cannot show`,
			'Put the words in the body instead.',
		);
	}
	checkLength(
		description,
		field,
		limits.description,
		`Shorten ${where}'s description to at most ${limits.description} characters.`,
	);
	return { id, title, description };
}

/** Fails when two choices share an id: the trigger could not tell which one was tapped. */
export function checkUniqueIds(choices: Choice[], field: string): void {
	const seen = new Set<string>();
	for (const choice of choices) {
		if (seen.has(choice.id)) {
			throw new InputError(
				field,
				`Two choices have the ID ${quote(choice.id)}`,
				'Give every choice its own ID (an empty ID is the title), so the WhatsApp Trigger can tell which one the customer tapped.',
			);
		}
		seen.add(choice.id);
	}
}

/** Fails when the count of `what` is outside `min`–`max`. */
export function checkCount(
	count: number,
	min: number,
	max: number,
	field: string,
	what: string,
): void {
	if (count >= min && count <= max) return;
	const range = min === max ? `${min}` : `${min} to ${max}`;
	throw new InputError(
		field,
		`${count} ${what} given; WhatsApp takes ${range}`,
		count < min
			? `Add ${what}.`
			: `Keep at most ${max} ${what}${what.endsWith('rows') ? ' in all' : ''}.`,
	);
}
