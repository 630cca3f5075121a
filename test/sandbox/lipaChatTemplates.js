'use strict';
// The sender number's templates as LipaChat lists them (GET template/{wabaPhone}): Meta's shape
// inside {data: {data: [...]}}, without ids.

const templates = [
	{
		name: 'courier_assigned',
		language: 'en',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'BODY', text: 'Your courier {{1}} is on the way.' },
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
		],
	},
	{
		name: 'order_photo',
		language: 'en',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/x.jpg'] },
			},
			{ type: 'BODY', text: 'Hello {{1}}, order #{{2}} is packed: see the photo.' },
		],
	},
	{
		name: 'track_order',
		language: 'en',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'BODY', text: 'Order {{1}} has shipped.' },
			{
				type: 'BUTTONS',
				buttons: [{ type: 'URL', text: 'Track', url: 'https://t.example/{{1}}' }],
			},
		],
	},
	{
		name: 'spring_sale',
		language: 'en',
		category: 'MARKETING',
		status: 'REJECTED',
		rejected_reason: 'INVALID_FORMAT',
		components: [{ type: 'BODY', text: 'Sale {{1}}' }],
	},
	{
		name: 'welcome_back',
		language: 'sw',
		category: 'UTILITY',
		status: 'PENDING',
		components: [{ type: 'BODY', text: 'Karibu tena {{1}}' }],
	},
];

const placeholders = (text) => [
	...new Set(
		(String(text || '').match(/\{\{\s*\w+\s*\}\}/g) || []).map((m) => m.replace(/[\s{}]/g, '')),
	),
];

/**
 * Checks a `POST whatsapp/template` body's `template` against the listed one, as Meta would
 * (the send body's shape is LipaChat's, the rules Meta's). Returns the problem, if any.
 */
function templateProblem(sent) {
	if (!sent || typeof sent.name !== 'string' || typeof sent.languageCode !== 'string') {
		return 'template.name and template.languageCode are required';
	}
	const template = templates.find((t) => t.name === sent.name && t.language === sent.languageCode);
	if (!template) return `(#132001) Template name does not exist in the translation`;
	if (template.status !== 'APPROVED')
		return `(#132001) Template is ${template.status}, not approved`;
	const components = sent.components || {};
	const body = template.components.find((c) => c.type === 'BODY');
	const expected = placeholders(body && body.text);
	const given = components.body && components.body.placeholders;
	if (!Array.isArray(given) || given.length !== expected.length) {
		return `(#132000) Number of parameters does not match the expected number of params (body: expected ${expected.length}, got ${Array.isArray(given) ? given.length : 0})`;
	}
	if (given.some((value) => typeof value !== 'string' || value === '')) {
		return '(#131008) Empty parameter in body';
	}
	if (given.some((value) => /[\n\t]| {5,}/.test(value))) {
		return '(#132018) Param text cannot have new-line/tab characters or more than 4 consecutive spaces';
	}
	const filled = String(body.text).replace(
		/\{\{\s*(\w+)\s*\}\}/g,
		(_, p) => given[expected.indexOf(p)],
	);
	if (filled.length > 1024)
		return `(#132005) Translated text too long (${filled.length} characters)`;
	const header = template.components.find((c) => c.type === 'HEADER' && c.format);
	if (header && ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(header.format)) {
		const media = components.header;
		if (!media || media.type !== header.format || !/^https:\/\//.test(media.mediaUrl || '')) {
			return `(#131008) header needs {type: "${header.format}", mediaUrl: "https://…"}`;
		}
	} else if (components.header) {
		return '(#132000) header given for a template without a media header';
	}
	if (
		template.components.some(
			(c) => c.type === 'BUTTONS' && c.buttons.some((b) => placeholders(b.url).length),
		)
	) {
		return '(#132000) button parameters missing';
	}
	return undefined;
}

module.exports = { templates, templateProblem };
