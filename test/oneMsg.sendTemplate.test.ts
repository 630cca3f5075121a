import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { OneMsgSimulator } from './sandbox/oneMsg';
import { NAMESPACE } from './sandbox/oneMsgTemplates';

const TOKEN = 'sim-1msg-token-T3mpl8q';
const sim = new OneMsgSimulator({ channelId: '123456', token: TOKEN });
let engine: Engine;
const credentials = () => ({ token: TOKEN, channelId: '123456', baseUrl: sim.url });
const run = nodeRunner(() => engine, { type: 'oneMsg', credentialType: 'oneMsgApi' }, credentials);
const editor = (parameters: object) => ({ ...parameters }) as never;

/** As the editor saves it after picking "partner_delivery (en)" and mapping the four fields. */
const partnerParameters = {
	operation: 'sendTemplate',
	recipient: '={{ $json.partnerPhone }}',
	template: {
		__rl: true,
		mode: 'list',
		value: '1046000000000001',
		cachedResultName: 'partner_delivery (en)',
	},
	variables: {
		mappingMode: 'defineBelow',
		value: {
			body_1: '={{ $json.partner }}',
			body_2: '={{ $json.orderNumber }}',
			body_3: '={{ $json.product }}',
			body_4: '={{ $json.note }}',
		},
		matchingColumns: [],
		// As getTemplateVariables gave it to the editor: n8n checks the values against it.
		schema: [1, 2, 3, 4].map((n) => ({
			id: `body_${n}`,
			displayName: `Body {{${n}}}`,
			required: true,
			defaultMatch: false,
			display: true,
			type: 'string',
			canBeUsedToMatch: false,
		})),
	},
	options: {},
};
/** The seed's filled-in example. */
const seedDelivery = {
	partnerPhone: '+998 90 123 45 67',
	partner: 'North Distributor LLC',
	orderNumber: '10482',
	product: 'Wireless headphones',
	note: 'Accepted today at 11:20 AM at the partner warehouse.',
};
const seedFilledIn =
	'Hello, North Distributor LLC! Order #10482 for "Wireless headphones" has been delivered to your partner pickup point. Accepted today at 11:20 AM at the partner warehouse..\n\n[Handoff details]';

const templateListRequests = () =>
	sim.received.filter((r) => r.method === 'GET' && r.path === '/123456/templates');

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('1MSG template picker (editor methods run in n8n-core)', () => {
	it('lists every approved template from all pages as name + language, and searches them', async () => {
		const list = await engine.listSearch('oneMsg', 'searchTemplates', editor(partnerParameters), {
			oneMsgApi: credentials(),
		});
		expect(list.results).toEqual([
			{ name: 'courier_assigned (en_US)', value: 'courier_assigned@en_US', description: 'UTILITY' },
			{ name: 'order_update (en)', value: '1046000000000003', description: 'UTILITY' },
			{ name: 'partner_delivery (en)', value: '1046000000000001', description: 'UTILITY' },
			{ name: 'partner_delivery (es)', value: '1046000000000002', description: 'UTILITY' },
			{ name: 'welcome_back (fr)', value: '1046000000000007', description: 'UTILITY' },
		]);
		// Seven templates, two per page: four pages read, with the Bearer token.
		expect(templateListRequests().map((r) => r.query.offset)).toEqual(['0', '2', '4', '6']);
		expect(templateListRequests()[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

		const search = await engine.listSearch(
			'oneMsg',
			'searchTemplates',
			editor(partnerParameters),
			{ oneMsgApi: credentials() },
			'PARTNER',
		);
		expect(search.results.map((r) => r.name)).toEqual([
			'partner_delivery (en)',
			'partner_delivery (es)',
		]);
	});

	it('says why the list cannot load, without the token 1MSG echoed back', async () => {
		const wrong = { ...credentials(), token: 'wrong-token-Secret42' };
		await expect(
			engine.listSearch('oneMsg', 'searchTemplates', editor(partnerParameters), {
				oneMsgApi: wrong,
			}),
		).rejects.toThrow("1MSG could not list the channel's templates: Wrong token: [redacted]");
	});

	it('maps one field per placeholder of body, text header and link button, none for static buttons', async () => {
		const fieldsOf = async (template: object) =>
			(
				await engine.resourceMapperFields(
					'oneMsg',
					'getTemplateVariables',
					editor({ ...partnerParameters, template }),
					{
						oneMsgApi: credentials(),
					},
				)
			).fields.map((f) => [f.id, f.displayName, f.required]);

		expect(await fieldsOf({ __rl: true, mode: 'list', value: '1046000000000003' })).toEqual([
			['header_1', 'Header {{1}}', true],
			['body_1', 'Body {{1}}', true],
			['body_2', 'Body {{2}}', true],
			['button_0_1', 'Button "Track" link {{1}}', true],
		]);
		expect(await fieldsOf({ __rl: true, mode: 'id', value: '1046000000000001' })).toEqual([
			['body_1', 'Body {{1}}', true],
			['body_2', 'Body {{2}}', true],
			['body_3', 'Body {{3}}', true],
			['body_4', 'Body {{4}}', true],
		]);
		const rejected = await engine.resourceMapperFields(
			'oneMsg',
			'getTemplateVariables',
			editor({ ...partnerParameters, template: { __rl: true, mode: 'name', value: 'old_promo' } }),
			{ oneMsgApi: credentials() },
		);
		expect(rejected.fields).toEqual([]);
		expect(rejected.emptyFieldsNotice).toBe(
			'Template "old_promo" (en) is REJECTED (reason: PROMOTIONAL); only approved templates can be sent',
		);
	});
});

describe('1MSG Send Template in the n8n engine', () => {
	it('sends the seed partner-delivery message picked from the list, with no typed namespace', async () => {
		const result = await run([seedDelivery], partnerParameters);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/sendTemplate');
		expect(request.path).toBe('/123456/sendTemplate');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.body).toEqual({
			phone: '998901234567',
			template: 'partner_delivery',
			namespace: NAMESPACE,
			language: { policy: 'deterministic', code: 'en' },
			params: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'North Distributor LLC' },
						{ type: 'text', text: '10482' },
						{ type: 'text', text: 'Wireless headphones' },
						{ type: 'text', text: 'Accepted today at 11:20 AM at the partner warehouse.' },
					],
				},
			],
		});
		expect(result.items('Send')).toEqual([
			{
				json: {
					provider: 'oneMsg',
					messageId: sim.accepted[0].id,
					status: 'accepted',
					to: '+998901234567',
					sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
					template: 'partner_delivery',
					language: 'en',
					preview: seedFilledIn,
					response: {
						sent: true,
						message: 'Sent to 998901234567',
						id: sim.accepted[0].id,
						description: '',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('fills header, body and link-button values into Cloud-API components', async () => {
		const parameters = {
			...partnerParameters,
			template: { __rl: true, mode: 'list', value: '1046000000000003' },
			variables: {
				mappingMode: 'defineBelow',
				value: {
					header_1: '=#{{ $json.orderNumber }}',
					body_1: '={{ $json.partner }}',
					body_2: 'on its way',
					button_0_1: '={{ $json.orderNumber }}',
				},
			},
		};
		const result = await run([seedDelivery], parameters);
		expect(result.error).toBeUndefined();
		expect(sim.sends('/sendTemplate')[0].body.params).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: '#10482' }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'North Distributor LLC' },
					{ type: 'text', text: 'on its way' },
				],
			},
			{
				type: 'button',
				sub_type: 'url',
				index: '0',
				parameters: [{ type: 'text', text: '10482' }],
			},
		]);
		expect(result.items('Send')[0].json.preview).toBe(
			'Order #10482\n\nHi North Distributor LLC, your order is on its way.\n\nReply STOP to opt out\n\n[Track] [Call me]',
		);
	});

	it('finds namespace and language in every listed shape: language object, JSON components, namespace on a sibling', async () => {
		const spanish = {
			...partnerParameters,
			template: { __rl: true, mode: 'name', value: 'partner_delivery' },
			language: 'es',
		};
		const courier = {
			...partnerParameters,
			template: { __rl: true, mode: 'list', value: 'courier_assigned@en_US' },
			variables: { mappingMode: 'defineBelow', value: { body_1: 'Ivan' } },
		};
		expect((await run([seedDelivery], spanish)).error).toBeUndefined();
		expect((await run([seedDelivery], courier)).error).toBeUndefined();
		const [es, en] = sim.sends('/sendTemplate').map((r) => r.body);
		expect([es.template, es.namespace, es.language]).toEqual([
			'partner_delivery',
			NAMESPACE,
			{ policy: 'deterministic', code: 'es' },
		]);
		expect([en.template, en.namespace, en.language.code]).toEqual([
			'courier_assigned',
			NAMESPACE,
			'en_US',
		]);
	});

	it('asks for the language when a name exists in several, and sends typed overrides as they are', async () => {
		const ambiguous = await run([seedDelivery], {
			...partnerParameters,
			template: { __rl: true, mode: 'name', value: 'partner_delivery' },
		});
		expect(ambiguous.error?.message).toBe('Template "partner_delivery" exists in en, es (item 0)');
		expect(ambiguous.error?.description).toBe(
			'Set "Language" to the one to send, or pick the template from the list.',
		);

		const overridden = await run(
			[seedDelivery],
			{ ...partnerParameters, namespace: 'other_namespace' },
			{ continueOnFail: true },
		);
		expect(sim.sends('/sendTemplate')[0].body.namespace).toBe('other_namespace');
		expect(overridden.items('Send')[0].json).toMatchObject({
			error: '1MSG: (#132001) Template name does not exist in the translation (item 0)',
			details: { httpCode: '400', reason: 'rejected' },
		});
	});

	it('stops an item with a missing variable before sending, naming the field; other items go on', async () => {
		const orders = [
			seedDelivery,
			{ ...seedDelivery, product: '  ' },
			{ ...seedDelivery, orderNumber: '10483' },
		];
		const result = await run(orders, partnerParameters, { continueOnFail: true });
		const items = result.items('Send');
		expect(items.map((i) => i.json.status)).toEqual(['accepted', undefined, 'accepted']);
		expect(items[1]).toEqual({
			json: {
				error:
					'Variable "Body {{3}}" of template "partner_delivery" is empty; the template needs all 4 variable(s) (item 1)',
				details: {
					reason: 'invalidInput',
					field: 'Body {{3}}',
					description:
						'Map a value to "Body {{3}}" under "Variables". WhatsApp rejects a template with a missing or empty variable.',
				},
			},
			pairedItem: { item: 1 },
		});
		expect(sim.sends('/sendTemplate').map((r) => r.body.params[0].parameters[1].text)).toEqual([
			'10482',
			'10483',
		]);
	});

	it('fails a missing or null mapped value like an empty one, naming the variable, before any request', async () => {
		const { note: _omitted, ...withoutNote } = seedDelivery;
		const orders = [withoutNote, { ...seedDelivery, note: null }, seedDelivery];
		const result = await run(orders, partnerParameters, { continueOnFail: true });
		const items = result.items('Send');
		for (const index of [0, 1]) {
			expect(items[index].json).toEqual({
				error: `Variable "Body {{4}}" of template "partner_delivery" is empty; the template needs all 4 variable(s) (item ${index})`,
				details: {
					reason: 'invalidInput',
					field: 'Body {{4}}',
					description:
						'Map a value to "Body {{4}}" under "Variables". WhatsApp rejects a template with a missing or empty variable.',
				},
			});
		}
		expect(items[2].json.status).toBe('accepted');
		expect(sim.sends('/sendTemplate')).toHaveLength(1);
	});

	it("checks WhatsApp's text rules before any request, naming the variable and the option that folds", async () => {
		const notes = [
			'Left at the gate.\nCall on arrival.',
			'Left at the gate.\tCall on arrival.',
			'Left at the gate.     Call on arrival.',
		];
		const result = await run(
			notes.map((note) => ({ ...seedDelivery, note })),
			partnerParameters,
			{ continueOnFail: true },
		);
		expect(result.items('Send').map((item) => item.json)).toEqual(
			['a line break', 'a tab', 'more than 4 spaces in a row'].map((problem, index) => ({
				error: `Variable "Body {{4}}" of template "partner_delivery" holds ${problem}, which WhatsApp refuses in a template variable (item ${index})`,
				details: {
					reason: 'invalidInput',
					field: 'Body {{4}}',
					description:
						'Turn on "Fold Line Breaks and Spaces" in the options to send it as one line, or map a value without line breaks, tabs or runs of spaces.',
				},
			})),
		);
		expect(sim.sends('/sendTemplate')).toHaveLength(0);

		const folded = await run(
			[{ ...seedDelivery, note: ' Left at the gate.\r\n\tCall   on arrival.\n' }],
			{ ...partnerParameters, options: { foldWhitespace: true } },
		);
		expect(folded.items('Send')[0].json.status).toBe('accepted');
		expect(sim.sends('/sendTemplate')[0].body.params).toEqual([
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'North Distributor LLC' },
					{ type: 'text', text: '10482' },
					{ type: 'text', text: 'Wireless headphones' },
					{ type: 'text', text: 'Left at the gate. Call on arrival.' },
				],
			},
		]);
	});

	it('refuses a body longer than 1,024 characters once filled in, naming the longest value', async () => {
		const result = await run(
			[
				{ ...seedDelivery, note: 'x'.repeat(1024 * 1024) },
				{ ...seedDelivery, note: 'y'.repeat(880) },
			],
			partnerParameters,
			{ continueOnFail: true },
		);
		const [huge, nearLimit] = result.items('Send').map((item) => item.json);
		expect(huge).toEqual({
			error:
				'The body of template "partner_delivery" is 1,048,695 characters once filled in; WhatsApp allows 1,024. The longest value is "Body {{4}}" (1,048,576 characters) (item 0)',
			details: {
				reason: 'invalidInput',
				field: 'Body {{4}}',
				description:
					'Shorten the value mapped to "Body {{4}}", e.g. {{ $json.note.slice(0, 200) }}.',
			},
		});
		// 999 characters once filled in: within the limit, and the provider takes it.
		expect(nearLimit.status).toBe('accepted');
		expect(sim.sends('/sendTemplate')).toHaveLength(1);
	});

	it('catches values mapped to placeholders the template no longer has', async () => {
		const stale = {
			...partnerParameters,
			variables: {
				mappingMode: 'defineBelow',
				value: { ...partnerParameters.variables.value, body_5: 'extra' },
			},
		};
		const result = await run([seedDelivery], stale);
		expect(result.error?.message).toBe(
			'Template "partner_delivery" (en) takes 4 variable(s), but values are mapped for body_5, which it does not have (item 0)',
		);
		expect(sim.sends('/sendTemplate')).toHaveLength(0);
	});

	it('refuses a rejected or pending template with its status and reason, before sending', async () => {
		const rejected = await run([seedDelivery], {
			...partnerParameters,
			template: { __rl: true, mode: 'name', value: 'old_promo' },
		});
		expect(rejected.error?.message).toBe(
			'Template "old_promo" (en) is REJECTED (reason: PROMOTIONAL); only approved templates can be sent (item 0)',
		);
		const pending = await run([seedDelivery], {
			...partnerParameters,
			template: { __rl: true, mode: 'id', value: '1046000000000006' },
		});
		expect(pending.error?.message).toBe(
			'Template "new_offer" (en) is PENDING; only approved templates can be sent (item 0)',
		);
		expect(sim.sends('/sendTemplate')).toHaveLength(0);
	});
});

describe('1MSG Get Message Status in the n8n engine', () => {
	const statusOfSent = { operation: 'hookInfo', messageId: '={{ $json.messageId }}' };

	it('reads the latest status and its history for a message just sent', async () => {
		sim.failDelivery('447911123456');
		const result = await run(
			[seedDelivery, { ...seedDelivery, partnerPhone: '+44 7911 123456' }],
			partnerParameters,
			{ then: statusOfSent },
		);
		expect(result.error).toBeUndefined();
		const [delivered, failed] = result.items('Then');
		const [first, second] = sim.accepted.map((a) => a.id);
		expect(
			sim.received.filter((r) => r.path === '/123456/hookInfo').map((r) => r.query.messageId),
		).toEqual([first, second]);
		expect(delivered).toEqual({
			json: {
				provider: 'oneMsg',
				messageId: first,
				status: 'read',
				recipient: '+998901234567',
				timestamp: expect.stringMatching(/Z$/),
				history: [
					{ status: 'sent', timestamp: expect.any(String) },
					{ status: 'delivered', timestamp: expect.any(String) },
					{ status: 'read', timestamp: expect.any(String) },
				],
				raw: { hooks: expect.any(Array) },
			},
			pairedItem: { item: 0 },
		});
		expect(Date.parse(delivered.json.timestamp as string)).toBe(
			Number((delivered.json.raw as { hooks: Array<{ timestamp: string }> }).hooks[2].timestamp) *
				1000,
		);
		expect(failed.json).toMatchObject({
			messageId: second,
			status: 'failed',
			recipient: '+447911123456',
			error: { code: '131026', message: 'Message undeliverable' },
		});
	});

	it('waits out a 429 (Retry-After) and a 503 like a send does, and says plainly when 1MSG keeps refusing', async () => {
		sim.failNextCall('/hookInfo', {
			status: 429,
			body: { error: 'Too many requests' },
			headers: { 'retry-after': '0' },
		});
		sim.failNextCall('/hookInfo', { status: 503, body: { error: 'Service Unavailable' } });
		const result = await run([{ id: 'wamid.unknown' }], {
			operation: 'hookInfo',
			messageId: '={{ $json.id }}',
		});
		expect(result.items('Send')[0].json).toMatchObject({
			messageId: 'wamid.unknown',
			status: 'accepted',
		});
		expect(sim.received.filter((r) => r.path === '/123456/hookInfo')).toHaveLength(3);

		for (let i = 0; i < 4; i++) {
			sim.failNextCall('/hookInfo', {
				status: 429,
				body: { error: 'Too many requests' },
				headers: { 'retry-after': '0' },
			});
		}
		const limited = await run(
			[{ id: 'wamid.unknown' }],
			{ operation: 'hookInfo', messageId: '={{ $json.id }}' },
			{ continueOnFail: true },
		);
		expect(limited.items('Send')[0].json).toEqual({
			error: '1MSG: Too many requests (item 0)',
			details: {
				reason: 'rateLimited',
				httpCode: '429',
				description: 'The provider is limiting requests. Wait a minute and try again.',
			},
		});
	});

	it('says "accepted" while 1MSG has no status yet, and names an empty Message ID', async () => {
		const result = await run(
			[{ id: 'wamid.unknown' }, { id: '' }],
			{ operation: 'hookInfo', messageId: '={{ $json.id }}' },
			{ continueOnFail: true },
		);
		const [unknown, empty] = result.items('Send');
		expect(unknown.json).toMatchObject({
			messageId: 'wamid.unknown',
			status: 'accepted',
			history: [],
		});
		expect(empty.json.error).toBe('"Message ID" is empty (item 1)');
	});
});
