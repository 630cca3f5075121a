'use strict';
// The templates the 1MSG simulator lists, in the shapes 1MSG has been seen to return them:
// status in either case, language as a string or {code}, components as a JSON string, the
// namespace under any of its three names or missing (then only a sibling has it).
const NAMESPACE = 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574';

const partnerDeliveryEn = [
	{
		type: 'BODY',
		text: 'Hello, {{1}}! Order #{{2}} for "{{3}}" has been delivered to your partner pickup point. {{4}}.',
	},
	{
		type: 'BUTTONS',
		buttons: [
			{ type: 'URL', text: 'Handoff details', url: 'https://partners.example.com/handoff' },
		],
	},
];

const templates = [
	{
		id: '1046000000000001',
		name: 'partner_delivery',
		namespace: NAMESPACE,
		language: 'en',
		category: 'UTILITY',
		status: 'APPROVED',
		rejected_reason: 'NONE',
		components: partnerDeliveryEn,
	},
	{
		id: '1046000000000002',
		name: 'partner_delivery',
		language: { code: 'es' },
		category: 'UTILITY',
		status: 'approved',
		components: JSON.stringify([
			{
				type: 'BODY',
				text: '¡Hola, {{1}}! El pedido #{{2}} de "{{3}}" fue entregado en su punto de recogida. {{4}}.',
			},
		]),
	},
	{
		id: '1046000000000003',
		name: 'order_update',
		message_template_namespace: NAMESPACE,
		language: 'en',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
			{ type: 'BODY', text: 'Hi {{1}}, your order is {{2}}.' },
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'URL', text: 'Track', url: 'https://track.example.com/{{1}}' },
					{ type: 'QUICK_REPLY', text: 'Call me' },
				],
			},
		],
	},
	{
		name: 'courier_assigned',
		messageTemplateNamespace: NAMESPACE,
		language: 'en_US',
		category: 'UTILITY',
		status: 'Approved',
		components: [{ type: 'body', text: 'Your courier {{1}} is on the way.' }],
	},
	{
		id: '1046000000000005',
		name: 'old_promo',
		namespace: NAMESPACE,
		language: 'en',
		category: 'MARKETING',
		status: 'REJECTED',
		rejected_reason: 'PROMOTIONAL',
		components: [{ type: 'BODY', text: 'Sale! {{1}}' }],
	},
	{
		id: '1046000000000006',
		name: 'new_offer',
		namespace: NAMESPACE,
		language: 'en',
		category: 'MARKETING',
		status: 'PENDING',
		components: [{ type: 'BODY', text: 'New: {{1}}' }],
	},
	{
		id: '1046000000000007',
		name: 'welcome_back',
		namespace: NAMESPACE,
		language: 'fr',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [{ type: 'BODY', text: 'Bon retour !' }],
	},
];

/** How many values each part of a stored template takes: `header`, `body`, `button:<index>`. */
function expectedParams(template) {
	const components =
		typeof template.components === 'string' ? JSON.parse(template.components) : template.components;
	const count = (text) =>
		new Set((String(text || '').match(/\{\{\s*\w+\s*\}\}/g) || []).map((m) => m.replace(/\s/g, '')))
			.size;
	const expected = {};
	for (const component of components) {
		const type = String(component.type).toLowerCase();
		if (type === 'header') {
			const media = ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(String(component.format).toUpperCase());
			if (media || count(component.text)) expected.header = media ? 1 : count(component.text);
		} else if (type === 'body' && count(component.text)) {
			expected.body = count(component.text);
		} else if (type === 'buttons') {
			component.buttons.forEach((button, index) => {
				if (String(button.type).toUpperCase() === 'URL' && count(button.url))
					expected[`button:${index}`] = count(button.url);
			});
		}
	}
	return expected;
}

const languageOf = (template) =>
	typeof template.language === 'object' ? template.language.code : template.language;

/** The template's body text with the body parameters filled in, in placeholder order. */
function filledBody(template, bodyParameters) {
	const components =
		typeof template.components === 'string' ? JSON.parse(template.components) : template.components;
	const body = components.find((c) => String(c.type).toUpperCase() === 'BODY');
	const placeholders = [
		...new Set(
			(String(body?.text || '').match(/\{\{\s*\w+\s*\}\}/g) || []).map((m) =>
				m.replace(/[\s{}]/g, ''),
			),
		),
	];
	const byName = new Map(placeholders.map((p, i) => [p, bodyParameters[i]?.text ?? '']));
	return String(body?.text || '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, p) => byName.get(p) ?? '');
}

module.exports = { templates, NAMESPACE, expectedParams, filledBody, languageOf };
