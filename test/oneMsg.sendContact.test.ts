import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { startRedirector } from './engine/redirector';
import { OneMsgSimulator } from './sandbox/oneMsg';

const TOKEN = 'sim-1msg-token-Zk93xQ';
const sim = new OneMsgSimulator({ channelId: '123456', token: TOKEN });
let engine: Engine;
const credentials = (overrides: object = {}) => ({
	oneMsgApi: { token: TOKEN, channelId: '123456', baseUrl: sim.url, ...overrides },
});

/** Send Contact with the courier card mapped from the order, as in the courier seed. */
const courierParameters = {
	operation: 'sendContact',
	recipient: '={{ $json.customerPhone }}',
	contacts: {
		contact: [
			{
				formattedName: '={{ $json.courier.name }}',
				firstName: '={{ $json.courier.name }}',
				phones: {
					phone: [{ number: '={{ $json.courier.phone }}', type: 'CELL', onWhatsApp: false }],
				},
			},
		],
	},
	options: {},
};
const courierOrder = (customerPhone: string, name = 'Иван Курьер', phone = '+998901234567') => ({
	customerPhone,
	courier: { name, phone },
});

const run = nodeRunner(
	() => engine,
	{ type: 'oneMsg', credentialType: 'oneMsgApi' },
	() => credentials().oneMsgApi,
	() => courierParameters,
);

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	sim.customerWrote('12025550199');
	sim.customerWrote('447911123456');
	sim.customerWrote('998935551234');
});

describe('1MSG Send Contact in the n8n engine', () => {
	it('sends the courier card of the seed, exactly as 1MSG expects it', async () => {
		const result = await run([courierOrder('+1 (202) 555-0199')]);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/sendContact');
		expect(request.path).toBe('/123456/sendContact');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.body).toEqual({
			phone: '12025550199',
			contacts: [
				{
					name: { formatted_name: 'Иван Курьер', first_name: 'Иван Курьер' },
					phones: [{ phone: '+998901234567', type: 'CELL' }],
				},
			],
		});
		const items = result.items('Send');
		expect(items).toEqual([
			{
				json: {
					provider: 'oneMsg',
					messageId: sim.accepted[0].id,
					status: 'accepted',
					to: '+12025550199',
					sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
					response: {
						sent: true,
						id: sim.accepted[0].id,
						message: 'Sent to 12025550199',
						description: '',
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends one message per item, keeps input order and pairs each output with its item', async () => {
		const orders = [
			courierOrder('+1 202 555 0199', 'Ana', '+12025550101'),
			courierOrder('447911123456', 'Ben', '+447911123457'),
			courierOrder('00998935551234', 'Chi', '+998935551235'),
		];
		const result = await run(orders);
		expect(result.error).toBeUndefined();
		const bodies = sim.sends('/sendContact').map((r) => r.body);
		expect(bodies.map((b) => b.phone).sort()).toEqual([
			'12025550199',
			'447911123456',
			'998935551234',
		]);
		const items = result.items('Send');
		expect(items.map((i) => i.json.to)).toEqual(['+12025550199', '+447911123456', '+998935551234']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) {
			const accepted = sim.accepted.find((a) => a.id === item.json.messageId);
			expect(`+${accepted?.to}`).toBe(item.json.to);
		}
	});

	it('loads its credentials once per execution, not once per message', async () => {
		const before = engine.credentials.loads;
		const orders = [
			courierOrder('+12025550199'),
			courierOrder('+447911123456'),
			courierOrder('+998935551234'),
		];
		const result = await run(orders);
		expect(result.items('Send')).toHaveLength(3);
		expect(sim.sends('/sendContact')).toHaveLength(3);
		expect(engine.credentials.loads - before).toBe(1);
	});

	it('reads {{ $json.… }} mappings from each item and leaves other expressions to n8n', async () => {
		const parameters = {
			...courierParameters,
			contacts: {
				contact: [
					{
						formattedName: '={{ $json.courier.name.toUpperCase() }}',
						phones: {
							phone: [{ number: '={{ $json.courier.phone }}', type: 'CELL', onWhatsApp: false }],
						},
					},
				],
			},
		};
		const orders = [
			courierOrder('+1 202 555 0199', 'Ana', '+12025550101'),
			{ customerPhone: 447911123456, courier: { name: 'Ben', phone: 447911123457 } },
			{ customerPhone: '+998935551234' },
		];
		const result = await run(orders, parameters, { continueOnFail: true });
		const items = result.items('Send');
		expect(items.map((item) => item.json.to)).toEqual(['+12025550199', '+447911123456', undefined]);
		const cards = Object.fromEntries(
			sim.sends('/sendContact').map((r) => [r.body.phone, r.body.contacts[0]]),
		);
		expect(cards).toEqual({
			'12025550199': {
				name: { formatted_name: 'ANA', first_name: 'ANA' },
				phones: [{ phone: '+12025550101', type: 'CELL' }],
			},
			'447911123456': {
				name: { formatted_name: 'BEN', first_name: 'BEN' },
				phones: [{ phone: '+447911123457', type: 'CELL' }],
			},
		});
		expect(items[2].json.error).toBe('Contact: "Full Name" is empty (item 2)');
	});

	it('sends the same and outputs the same whether a mapping is read from the item or by n8n', async () => {
		const mapped = (wrap: (path: string) => string) => ({
			...courierParameters,
			recipient: wrap('customerPhone'),
			contacts: {
				contact: [
					{
						formattedName: wrap('courier.name'),
						phones: {
							phone: [{ number: wrap('courier.phone'), type: 'CELL', onWhatsApp: false }],
						},
					},
				],
			},
		});
		const fromItem = (path: string) => `={{ $json.${path} }}`;
		// Parentheses make it more than a plain mapping, so n8n's expression engine evaluates it.
		const byN8n = (path: string) => `={{ ($json.${path}) }}`;
		const orders = [
			courierOrder('+1 202 555 0199', 'Ana', '+12025550101'),
			{ customerPhone: 447911123456, courier: { name: 'Ben', phone: 447911123457 } },
			{ customerPhone: '+998935551234', courier: { name: null, phone: '+998901234567' } },
			{ customerPhone: '+998935551234', courier: { phone: '+998901234567' } },
			{ customerPhone: '+12025550199' },
		];
		const outcome = async (wrap: (path: string) => string) => {
			sim.reset();
			['12025550199', '447911123456', '998935551234'].forEach((d) => sim.customerWrote(d));
			const result = await run(orders, mapped(wrap), { continueOnFail: true });
			return {
				bodies: sim
					.sends('/sendContact')
					.map((r) => JSON.stringify(r.body))
					.sort(),
				items: result
					.items('Send')
					.map(({ json }): Record<string, unknown> => ({ ...json, messageId: 0, sentAt: 0 })),
			};
		};
		const read = await outcome(fromItem);
		const evaluated = await outcome(byN8n);
		expect(read).toEqual({
			...evaluated,
			items: evaluated.items.map((item, i) => ({ ...item, response: read.items[i].response })),
		});
		expect(read.bodies).toHaveLength(2);
		expect(read.items.map((item) => item.error)).toEqual([
			undefined,
			undefined,
			'Contact: "Full Name" is empty (item 2)',
			'Contact: "Full Name" is empty (item 3)',
			'Contact: "Full Name" is empty (item 4)',
		]);
	});

	it('sends a card typed into the node (no expressions) to every item, and fails each item when it is invalid', async () => {
		const fixedCard = (number: string) => ({
			...courierParameters,
			contacts: {
				contact: [
					{
						formattedName: 'Support Desk',
						phones: { phone: [{ number, type: 'WORK', onWhatsApp: true }] },
					},
				],
			},
		});
		const orders = [courierOrder('+12025550199'), courierOrder('+447911123456')];

		const good = await run(orders, fixedCard('+44 20 7946 0000'));
		expect(good.error).toBeUndefined();
		const cards = sim.sends('/sendContact').map((r) => [r.body.phone, r.body.contacts]);
		const card = [
			{
				name: { formatted_name: 'Support Desk', first_name: 'Support Desk' },
				phones: [{ phone: '+442079460000', type: 'WORK', wa_id: '442079460000' }],
			},
		];
		expect(cards.sort()).toEqual([
			['12025550199', card],
			['447911123456', card],
		]);

		sim.reset();
		const bad = await run(orders, fixedCard('555'), { continueOnFail: true });
		expect(bad.items('Send').map((item) => item.json.error)).toEqual([
			'"Contact → Phone 1" is not a valid phone number: "555" (item 0)',
			'"Contact → Phone 1" is not a valid phone number: "555" (item 1)',
		]);
		expect(sim.sends('/sendContact')).toHaveLength(0);
	});

	it('sends several contacts with the full WhatsApp card in one message', async () => {
		const parameters = {
			operation: 'sendContact',
			recipient: '={{ $json.customerPhone }}',
			contacts: {
				contact: [
					{
						formattedName: 'Jane Specialist',
						firstName: 'Jane',
						lastName: 'Specialist',
						phones: {
							phone: [
								{ number: '+1 202 555 0150', type: 'WORK', onWhatsApp: true },
								{ number: '(202) 555-0151', type: 'CELL', onWhatsApp: false },
							],
						},
						details: {
							prefix: 'Dr.',
							company: 'Acme Support',
							title: 'Escalations',
							birthday: '1990-05-31',
							emails: { email: [{ email: 'jane@acme.example', type: 'WORK' }] },
							urls: { url: [{ url: 'https://acme.example/jane', type: 'WORK' }] },
							addresses: {
								address: [
									{ street: '1 Main St', city: 'Springfield', countryCode: 'US', type: 'WORK' },
								],
							},
						},
					},
					{
						formattedName: 'Support Desk',
						phones: { phone: [{ number: '+12025550100', type: 'MAIN', onWhatsApp: true }] },
					},
				],
			},
			options: { defaultCountry: 'US' },
		};
		const result = await run([{ customerPhone: '2025550199' }], parameters);
		expect(result.error).toBeUndefined();
		expect(sim.sends('/sendContact')[0].body).toEqual({
			phone: '12025550199',
			contacts: [
				{
					name: {
						formatted_name: 'Jane Specialist',
						first_name: 'Jane',
						last_name: 'Specialist',
						prefix: 'Dr.',
					},
					phones: [
						{ phone: '+12025550150', type: 'WORK', wa_id: '12025550150' },
						{ phone: '+12025550151', type: 'CELL' },
					],
					emails: [{ email: 'jane@acme.example', type: 'WORK' }],
					org: { company: 'Acme Support', title: 'Escalations' },
					urls: [{ url: 'https://acme.example/jane', type: 'WORK' }],
					addresses: [
						{ street: '1 Main St', city: 'Springfield', country_code: 'US', type: 'WORK' },
					],
					birthday: '1990-05-31',
				},
				{
					name: { formatted_name: 'Support Desk', first_name: 'Support Desk' },
					phones: [{ phone: '+12025550100', type: 'MAIN', wa_id: '12025550100' }],
				},
			],
		});
	});

	it('sends to a group chat id as chatId', async () => {
		const result = await run([courierOrder('120363040000000000@g.us')]);
		expect(result.error).toBeUndefined();
		const body = sim.sends('/sendContact')[0].body;
		expect(body.chatId).toBe('120363040000000000@g.us');
		expect(body.phone).toBeUndefined();
		expect(result.items('Send')[0].json.to).toBe('120363040000000000@g.us');
	});

	it('reads the channel ID from the token when the credential leaves it empty', async () => {
		const jwtToken = [
			'eyJhbGciOiJIUzI1NiJ9',
			Buffer.from(JSON.stringify({ instanceId: 'instance123456' })).toString('base64url'),
			'c2ln',
		].join('.');
		sim.token = jwtToken;
		try {
			const result = await run([courierOrder('+12025550199')], courierParameters, {
				credentials: { channelId: '', token: jwtToken },
			});
			expect(result.error).toBeUndefined();
			expect(sim.sends('/sendContact')[0].path).toBe('/123456/sendContact');
			expect(
				await engine.testCredential('oneMsgApi', { token: jwtToken, baseUrl: sim.url }),
			).toEqual({
				ok: true,
				statusCode: 200,
				url: `${sim.url}/123456/status`,
			});
		} finally {
			sim.token = TOKEN;
		}
	});

	it('rejects an invalid phone before any request, naming the item, field, value and fix', async () => {
		const orders = [
			courierOrder('+12025550199'),
			courierOrder('12345'),
			courierOrder('+447911123456'),
		];
		const result = await run(orders);
		expect(result.error?.message).toBe('"Recipient" is not a valid phone number: "12345" (item 1)');
		expect(result.error?.description).toBe(
			'Use the international format, e.g. +12025550199, or set "Default Country" in the options.',
		);
		expect(sim.sends('/sendContact').map((r) => r.body.phone)).not.toContain('12345');
	});

	it('quotes a huge bad value cut to a readable length', async () => {
		const huge = '1'.repeat(1024 * 1024);
		const result = await run([courierOrder(huge)]);
		expect(result.error?.message).toBe(
			`"Recipient" is not a valid phone number: "${'1'.repeat(60)}…" (1,048,576 characters) (item 0)`,
		);
		expect(sim.sends('/sendContact')).toHaveLength(0);
	});

	it('with Continue On Fail, turns the bad item into an error item and sends the others', async () => {
		const orders = [
			courierOrder('+12025550199'),
			courierOrder('+12025550199', 'Bad Phone', '555'),
			courierOrder('+447911123456'),
		];
		const result = await run(orders, courierParameters, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const items = result.items('Send');
		expect(items).toHaveLength(3);
		expect(items[1]).toEqual({
			json: {
				error: '"Contact → Phone 1" is not a valid phone number: "555" (item 1)',
				details: {
					reason: 'invalidInput',
					field: 'Contact → Phone 1',
					description:
						'Use the international format, e.g. +12025550199, or set "Default Country" in the options.',
				},
			},
			pairedItem: { item: 1 },
		});
		expect(items[0].json.status).toBe('accepted');
		expect(items[2].json.status).toBe('accepted');
		expect(sim.sends('/sendContact')).toHaveLength(2);
	});

	it('says plainly that the 24-hour window is closed', async () => {
		const result = await run([courierOrder('+12025550123')], courierParameters, {
			continueOnFail: true,
		});
		expect(result.items('Send')[0].json).toEqual({
			error:
				'The customer has not written in the last 24 hours, so WhatsApp closed the session: send an approved template first (1MSG: Message failed to send because more than 24 hours have passed since the customer last replied to this number.) (item 0)',
			details: {
				reason: 'windowClosed',
				httpCode: '400',
				description:
					"Session messages (contact cards, text) only go out within 24 hours of the customer's last message. Send an approved template instead, or wait for the customer to write.",
			},
		});
		expect(sim.accepted).toHaveLength(0);
	});

	it('routes a closed-window item to the error output, with its order, for a template fallback', async () => {
		const result = await run(
			[courierOrder('+12025550199'), courierOrder('+12025550123')],
			courierParameters,
			{ continueOnFail: 'errorOutput' },
		);
		expect(result.items('Send', 0).map((item) => item.json.to)).toEqual(['+12025550199']);
		const [closed] = result.items('Send', 1);
		expect(closed.pairedItem).toEqual({ item: 1 });
		expect(closed.json).toMatchObject({
			customerPhone: '+12025550123',
			courier: { name: 'Иван Курьер' },
			error: expect.stringContaining('send an approved template first'),
			details: { reason: 'windowClosed', httpCode: '400' },
		});
	});

	it('with "Window Closed Output", sends closed-session items to a second output with their order', async () => {
		const parameters = { ...courierParameters, options: { windowClosedOutput: true } };
		const orders = [
			courierOrder('+12025550199'),
			courierOrder('+12025550123'),
			courierOrder('12345'),
			courierOrder('+447911123456'),
		];
		const result = await run(orders, parameters, { continueOnFail: 'errorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.items('Send', 0).map((item) => [item.json.to, item.pairedItem])).toEqual([
			['+12025550199', { item: 0 }],
			['+447911123456', { item: 3 }],
		]);
		expect(result.items('Send', 1)).toEqual([
			{
				json: {
					...orders[1],
					windowClosed: {
						provider: 'oneMsg',
						message:
							'The customer has not written in the last 24 hours, so WhatsApp closed the session: send an approved template first (1MSG: Message failed to send because more than 24 hours have passed since the customer last replied to this number.)',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
		// Other errors still go where "On Error" says: here n8n's error output, after ours.
		expect(result.items('Send', 2).map((item) => item.json.details)).toEqual([
			expect.objectContaining({ reason: 'invalidInput', field: 'Recipient' }),
		]);
		expect(sim.accepted.map((a) => a.to).sort()).toEqual(['12025550199', '447911123456']);
	});

	it('turns 1MSG "sent: false" into an error with 1MSG\'s own message', async () => {
		sim.fail({
			status: 200,
			body: { sent: false, message: 'Recipient is not a valid WhatsApp user' },
		});
		const result = await run([courierOrder('+12025550199')]);
		expect(result.error?.message).toBe(
			'1MSG did not send the message: Recipient is not a valid WhatsApp user (item 0)',
		);
	});

	it('does not follow a redirect: nothing reaches the new address, and the error says what to fix', async () => {
		const moved = await startRedirector(sim.url);
		try {
			const result = await run([courierOrder('+12025550199')], courierParameters, {
				continueOnFail: true,
				credentials: { baseUrl: moved.url },
			});
			expect(moved.seen).toEqual([
				{ method: 'POST', path: '/123456/sendContact', authorization: `Bearer ${TOKEN}` },
			]);
			expect(sim.received).toEqual([]);
			expect(result.items('Send')[0].json).toEqual({
				error: `The provider's address answered with a redirect (HTTP 301) to ${sim.url}/123456/sendContact. Redirects are not followed, so the credential never goes to another address: set Base URL in the credential to the address you expect (item 0)`,
				details: expect.objectContaining({ reason: 'rejected', httpCode: '301' }),
			});
		} finally {
			await moved.stop();
		}
	});

	it("takes the token out of a provider's answer that echoes it, in the output item", async () => {
		sim.fail({
			status: 200,
			body: { sent: true, message: `Queued for channel token ${TOKEN}`, id: `true_${TOKEN}_42` },
		});
		const result = await run([courierOrder('+12025550199')], courierParameters);
		expect(result.error).toBeUndefined();
		const json = result.items('Send')[0].json;
		expect(json).toMatchObject({
			messageId: 'true_[redacted]_42',
			response: { sent: true, message: 'Queued for channel token [redacted]' },
		});
		expect(JSON.stringify(result.items('Send'))).not.toContain(TOKEN);
	});

	it('reports a wrong token as an auth error and never shows the token', async () => {
		const wrong = 'wrong-token-Secret-4711';
		const result = await run([courierOrder('+12025550199')], courierParameters, {
			continueOnFail: true,
			credentials: { token: wrong },
		});
		const json = result.items('Send')[0].json;
		expect(json.details).toMatchObject({ reason: 'auth', httpCode: '401' });
		expect(json.error).toBe('1MSG: Wrong token: [redacted] (item 0)');
		expect(JSON.stringify(result.run)).not.toContain(wrong);

		const failed = await run([courierOrder('+12025550199')], courierParameters, {
			credentials: { token: wrong },
		});
		expect(failed.error?.message).toBe('1MSG: Wrong token: [redacted] (item 0)');
		expect(JSON.stringify(failed.run)).not.toContain(wrong);
		expect(
			await engine.testCredential('oneMsgApi', {
				token: wrong,
				channelId: '123456',
				baseUrl: sim.url,
			}),
		).toMatchObject({
			ok: false,
			statusCode: 401,
		});
	});
});
