import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { LipaChatSimulator } from './sandbox/lipaChat';

const API_KEY = 'sim-lipachat-key-T3mp9';
const sim = new LipaChatSimulator({ apiKey: API_KEY, senderNumber: '254110090747' });
let engine: Engine;
const credentials = () => ({
	apiKey: API_KEY,
	senderNumber: '+254 110 090747',
	baseUrl: `${sim.url}/api/v1`,
});
const run = nodeRunner(
	() => engine,
	{ type: 'lipaChat', credentialType: 'lipaChatApi' },
	credentials,
);
const editor = (parameters: object) => ({ ...parameters }) as never;

const variables = (value: object, ids: string[]) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	// As getTemplateVariables gave it to the editor: n8n checks the values against it.
	schema: ids.map((id) => ({
		id,
		displayName: id,
		required: true,
		defaultMatch: false,
		display: true,
		type: 'string',
		canBeUsedToMatch: false,
	})),
});

/** As the editor saves it after choosing courier_assigned by name and mapping its one field. */
const courierParameters = (options: object = {}) => ({
	operation: 'sendTemplate',
	recipient: '={{ $json.customerPhone }}',
	template: { __rl: true, mode: 'name', value: 'courier_assigned' },
	language: 'en',
	variables: variables({ body_1: '={{ $json.courier }}' }, ['body_1']),
	options,
});
const order = (courier = 'Ivan Courier', customerPhone = '+254 722 000111') => ({
	customerPhone,
	courier,
});
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;
const templateSends = () => sim.sends('/whatsapp/template');

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('LipaChat template picker (editor methods run in n8n-core)', () => {
	it("lists the sender number's approved templates as name + language, and searches them", async () => {
		const list = await engine.listSearch(
			'lipaChat',
			'searchTemplates',
			editor(courierParameters()),
			{ lipaChatApi: credentials() },
		);
		expect(list.results).toEqual([
			{ name: 'courier_assigned (en)', value: 'courier_assigned@en', description: 'UTILITY' },
			{ name: 'order_photo (en)', value: 'order_photo@en', description: 'UTILITY' },
			{ name: 'track_order (en)', value: 'track_order@en', description: 'UTILITY' },
		]);
		const [listing] = sim.received.filter((r) => r.method === 'GET');
		expect(listing.path).toBe('/api/v1/template/254110090747');
		expect(listing.headers.apikey).toBe(API_KEY);
	});

	it('maps one field per body placeholder and a media header link; names what LipaChat cannot fill', async () => {
		const fieldsOf = async (value: string) =>
			await engine.resourceMapperFields(
				'lipaChat',
				'getTemplateVariables',
				editor({ ...courierParameters(), template: { __rl: true, mode: 'list', value } }),
				{ lipaChatApi: credentials() },
			);
		expect((await fieldsOf('order_photo@en')).fields.map((f) => [f.id, f.displayName])).toEqual([
			['header_media', 'Header image link'],
			['body_1', 'Body {{1}}'],
			['body_2', 'Body {{2}}'],
		]);
		expect(await fieldsOf('track_order@en')).toEqual({
			fields: [],
			emptyFieldsNotice:
				'Template "track_order" (en) has the variable "Button "Track" link {{1}}", and LipaChat documents no way to fill a button variable',
		});
	});
});

describe('LipaChat Send Template (workflows run in n8n-core)', () => {
	it('sends the template with LipaChat body, and outputs template, language and the preview', async () => {
		// No session with this customer: a template still goes out.
		const result = await run([order()], courierParameters());
		expect(result.error).toBeUndefined();
		const [request] = templateSends();
		expect(request.body).toEqual({
			messageId: expect.stringMatching(uuidShape),
			from: '254110090747',
			to: '254722000111',
			template: {
				name: 'courier_assigned',
				languageCode: 'en',
				components: { body: { placeholders: ['Ivan Courier'] } },
			},
		});
		expect(result.items('Send')[0]).toEqual({
			json: {
				provider: 'lipaChat',
				messageId: request.body.messageId,
				status: 'accepted',
				to: '+254722000111',
				sentAt: expect.any(String),
				template: 'courier_assigned',
				language: 'en',
				preview: 'Your courier Ivan Courier is on the way.\n\nReply STOP to opt out',
				response: expect.objectContaining({ status: 'success' }),
			},
			pairedItem: { item: 0 },
		});
	});

	it('sends a media header as its link, picked from the list', async () => {
		const result = await run([{ customerPhone: '254722000111', name: 'Amina', order: '77' }], {
			operation: 'sendTemplate',
			recipient: '={{ $json.customerPhone }}',
			template: { __rl: true, mode: 'list', value: 'order_photo@en' },
			variables: variables(
				{
					header_media: 'https://cdn.example.com/orders/77.jpg',
					body_1: '={{ $json.name }}',
					body_2: '={{ $json.order }}',
				},
				['header_media', 'body_1', 'body_2'],
			),
			options: { messageId: '={{ "order-" + $json.order }}' },
		});
		expect(result.error).toBeUndefined();
		expect(templateSends()[0].body).toEqual({
			messageId: 'order-77',
			from: '254110090747',
			to: '254722000111',
			template: {
				name: 'order_photo',
				languageCode: 'en',
				components: {
					header: { type: 'IMAGE', mediaUrl: 'https://cdn.example.com/orders/77.jpg' },
					body: { placeholders: ['Amina', '77'] },
				},
			},
		});
	});

	it('checks each item before any request, naming the field; other items go on', async () => {
		const orders = [
			order(''),
			{ customerPhone: '254722000111' },
			order('Ivan\nCourier'),
			order('x'.repeat(1100)),
			order(),
		];
		const result = await run(orders, courierParameters(), { continueOnFail: true });
		const items = result.items('Send').map((item) => item.json);
		expect(items.map((json) => (json.details as { field?: string } | undefined)?.field)).toEqual([
			'Body {{1}}',
			'Body {{1}}',
			'Body {{1}}',
			'Body {{1}}',
			undefined,
		]);
		expect(items[1].error).toBe(
			'Variable "Body {{1}}" of template "courier_assigned" is empty; the template needs all 1 variable(s) (item 1)',
		);
		expect(items[2].error).toBe(
			'Variable "Body {{1}}" of template "courier_assigned" holds a line break, which WhatsApp refuses in a template variable (item 2)',
		);
		expect(items[4].status).toBe('accepted');
		expect(templateSends()).toHaveLength(1);
	});

	it('refuses a rejected or pending template, a stale mapping and one LipaChat cannot fill, before sending', async () => {
		const choose = (value: string, language = 'en', mapped: object = { body_1: 'x' }) => ({
			...courierParameters(),
			template: { __rl: true, mode: 'name', value },
			language,
			variables: variables(mapped, Object.keys(mapped)),
		});
		const errors = [];
		for (const parameters of [
			choose('spring_sale'),
			choose('welcome_back', 'sw'),
			choose('courier_assigned', 'en', { body_1: 'x', body_2: 'y' }),
			choose('track_order'),
		]) {
			const result = await run([order()], parameters, { continueOnFail: true });
			errors.push(result.items('Send')[0].json.error);
		}
		expect(errors).toEqual([
			'Template "spring_sale" (en) is REJECTED (reason: INVALID_FORMAT); only approved templates can be sent (item 0)',
			'Template "welcome_back" (sw) is PENDING; only approved templates can be sent (item 0)',
			'Template "courier_assigned" (en) takes 1 variable(s), but values are mapped for body_2, which it does not have (item 0)',
			'Template "track_order" (en) has the variable "Button "Track" link {{1}}", and LipaChat documents no way to fill a button variable (item 0)',
		]);
		expect(templateSends()).toHaveLength(0);
	});

	it('retries after a dropped connection with the same messageId: the customer gets one message', async () => {
		sim.fail({ drop: 'after' });
		const result = await run([order()], courierParameters());
		expect(result.error).toBeUndefined();
		const sends = templateSends();
		expect(sends).toHaveLength(2);
		expect(sends[1].body).toEqual(sends[0].body);
		expect(sim.accepted).toHaveLength(1);
		expect(result.items('Send')[0].json.messageId).toBe(sends[0].body.messageId);
	});
});
