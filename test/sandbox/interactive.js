'use strict';
// Meta's Cloud API checks of interactive messages, which 1MSG and LipaChat pass on (Meta:
// "Interactive reply buttons messages", "Interactive list messages"): what either simulator
// answers 400 for, written from Meta's limits, never from the node's own code.

const length = (text) => [...text].length;
const isText = (value, max) =>
	typeof value === 'string' && value.trim() !== '' && length(value) <= max;

/** Reply buttons: 1–3, each `{id ≤ 256, title ≤ 20}`, ids unique; the body ≤ 1,024. */
function buttonsProblem(body, buttons) {
	if (!isText(body, 1024)) return 'body text is required, at most 1024 characters';
	if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
		return 'buttons: 1 to 3 reply buttons';
	for (const button of buttons) {
		if (!isText(button.id, 256)) return 'button id is required, at most 256 characters';
		if (!isText(button.title, 20)) return 'button title is required, at most 20 characters';
	}
	if (new Set(buttons.map((b) => b.id)).size !== buttons.length) return 'button ids must be unique';
	return undefined;
}

/**
 * A list: the body ≤ 4,096, the button ≤ 20, 1–10 sections (titles ≤ 24, required when several),
 * at most 10 rows in all, each `{id ≤ 200, title ≤ 24, description? ≤ 72}`, ids unique.
 */
function listProblem(body, buttonText, sections) {
	if (!isText(body, 4096)) return 'body text is required, at most 4096 characters';
	if (!isText(buttonText, 20)) return 'button text is required, at most 20 characters';
	if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10)
		return 'sections: 1 to 10';
	const rows = sections.flatMap((section) => (Array.isArray(section.rows) ? section.rows : []));
	if (rows.length < 1 || rows.length > 10) return 'rows: 1 to 10 in all';
	for (const section of sections) {
		if (section.title !== undefined || sections.length > 1) {
			if (!isText(section.title, 24)) return 'section title is required, at most 24 characters';
		}
	}
	for (const row of rows) {
		if (!isText(row.id, 200)) return 'row id is required, at most 200 characters';
		if (!isText(row.title, 24)) return 'row title is required, at most 24 characters';
		if (
			row.description !== undefined &&
			(typeof row.description !== 'string' || length(row.description) > 72)
		)
			return 'row description must be at most 72 characters';
	}
	if (new Set(rows.map((r) => r.id)).size !== rows.length) return 'row ids must be unique';
	return undefined;
}

/** Fields a request may carry: anything else is refused, as a strict API does. */
function unknownField(body, allowed) {
	return Object.keys(body).find((key) => !allowed.includes(key));
}

module.exports = { buttonsProblem, listProblem, unknownField };
