// Pure helpers of the template model; the node itself is tested through the engine.
import { latestStatus } from '../nodes/shared/deliveryStatus';
import { parseOneMsgTemplates } from '../nodes/shared/providers/oneMsg/templates';
import { placeholdersOf, templateVariables, type Template } from '../nodes/shared/template/model';
import { templateParams } from '../nodes/shared/template/params';

const template = (components: Template['components']): Template => ({
	key: 'x@en',
	name: 'x',
	language: 'en',
	status: 'APPROVED',
	components,
});

describe('template placeholders', () => {
	it('orders numbered placeholders by number and counts repeats once', () => {
		expect(placeholdersOf('{{2}} then {{1}} and {{ 2 }} again, {{10}}')).toEqual(['1', '2', '10']);
	});

	it('sends named placeholders with their parameter_name', () => {
		const named = template([{ type: 'BODY', text: 'Hi {{first_name}}, order {{order_id}}' }]);
		expect(
			templateParams(templateVariables(named), { body_first_name: 'Ana', body_order_id: '7' }),
		).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', parameter_name: 'first_name', text: 'Ana' },
					{ type: 'text', parameter_name: 'order_id', text: '7' },
				],
			},
		]);
	});

	it('asks for a link for a media header and sends it as that media type', () => {
		const media = template([
			{ type: 'HEADER', format: 'DOCUMENT' },
			{ type: 'BODY', text: 'Invoice attached' },
		]);
		expect(templateVariables(media).map((v) => v.label)).toEqual(['Header document link']);
		expect(
			templateParams(templateVariables(media), { header_media: 'https://x.example/inv.pdf' }),
		).toEqual([
			{
				type: 'header',
				parameters: [{ type: 'document', document: { link: 'https://x.example/inv.pdf' } }],
			},
		]);
	});

	it('reads a template whose components are not valid JSON as having none', () => {
		const [parsed] = parseOneMsgTemplates([
			{ name: 'broken', language: 'en', status: 'approved', components: '{not json' },
		]);
		expect(parsed).toMatchObject({
			key: 'broken@en',
			status: 'APPROVED',
			components: [],
			namespace: undefined,
		});
	});
});

describe('latestStatus', () => {
	it('takes the newest event, and the further state when two share a second', () => {
		const at = '2026-01-01T00:00:00.000Z';
		const events = [
			{ status: 'read' as const, timestamp: at },
			{ status: 'delivered' as const, timestamp: at },
			{ status: 'sent' as const, timestamp: '2025-12-31T23:59:59.000Z' },
		];
		expect(latestStatus(events)?.status).toBe('read');
	});
});
