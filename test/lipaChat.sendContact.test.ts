import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { LipaChatSimulator } from './sandbox/lipaChat';

const API_KEY = 'sim-lipachat-key-Q7pL2';
const sim = new LipaChatSimulator({ apiKey: API_KEY, senderNumber: '254110090747' });
let engine: Engine;
const credentials = (overrides: object = {}) => ({
	lipaChatApi: {
		apiKey: API_KEY,
		senderNumber: '+254 110 090747',
		baseUrl: `${sim.url}/api/v1`,
		...overrides,
	},
});

const specialistParameters = (options: object = {}) => ({
	operation: 'sendContact',
	recipient: '={{ $json.customerPhone }}',
	contacts: {
		contact: [
			{
				formattedName: '={{ $json.specialist.name }}',
				phones: {
					phone: [{ number: '={{ $json.specialist.phone }}', type: 'CELL', onWhatsApp: true }],
				},
			},
		],
	},
	options,
});
const ticket = (customerPhone: string) => ({
	customerPhone,
	specialist: { name: 'Jane Specialist', phone: '+254712345678' },
});

const run = nodeRunner(
	() => engine,
	{ type: 'lipaChat', credentialType: 'lipaChatApi' },
	() => credentials().lipaChatApi,
	specialistParameters,
);

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	sim.customerWrote('254722000111');
	sim.customerWrote('254733000222');
});

describe('LipaChat Send Contact in the n8n engine', () => {
	it('sends the specialist card with the body, header and ids LipaChat expects', async () => {
		const result = await run([ticket('+254 722 000111')]);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/whatsapp/contact');
		expect(request.path).toBe('/api/v1/whatsapp/contact');
		expect(request.headers.apikey).toBe(API_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			messageId: expect.stringMatching(uuidShape),
			from: '254110090747',
			to: '254722000111',
			name: { formattedName: 'Jane Specialist' },
			phones: [{ phone: '254712345678', type: 'CELL', waId: '254712345678' }],
		});
		expect(result.items('Send')).toEqual([
			{
				json: {
					provider: 'lipaChat',
					messageId: request.body.messageId,
					status: 'accepted',
					to: '+254722000111',
					sentAt: expect.any(String),
					response: {
						timestamp: expect.any(String),
						data: {
							messageId: request.body.messageId,
							waId: expect.stringMatching(/^wamid\./),
							status: 'SENT',
							statusDesc: 'Message sent successfully',
						},
						status: 'success',
						message: '',
						errors: null,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('derives a different deterministic message id per item, and takes an explicit one', async () => {
		const result = await run([ticket('254722000111'), ticket('254733000222')]);
		const ids = result.items('Send').map((i) => i.json.messageId);
		expect(ids[0]).toMatch(uuidShape);
		expect(ids[1]).toMatch(uuidShape);
		expect(ids[0]).not.toBe(ids[1]);

		sim.reset();
		sim.customerWrote('254722000111');
		const explicit = await run(
			[{ ...ticket('254722000111'), id: 'order-10482' }],
			specialistParameters({ messageId: '={{ $json.id }}' }),
		);
		expect(sim.sends('/whatsapp/contact')[0].body.messageId).toBe('order-10482');
		expect(explicit.items('Send')[0].json.messageId).toBe('order-10482');
	});

	it('retries a 503 with the same message id, so the customer gets one message', async () => {
		sim.fail({
			status: 503,
			body: { status: 'error', message: 'Service Unavailable', errors: null },
		});
		sim.fail({ drop: 'after' });
		const result = await run([ticket('254722000111')]);
		expect(result.error).toBeUndefined();
		const sends = sim.sends('/whatsapp/contact');
		expect(sends).toHaveLength(3);
		expect(new Set(sends.map((r) => r.body.messageId)).size).toBe(1);
		expect(sim.accepted).toHaveLength(1);
		expect(result.items('Send')[0].json.messageId).toBe(sends[0].body.messageId);
	});

	it('sends each of several contacts as its own message with its own id', async () => {
		const parameters = specialistParameters();
		parameters.contacts.contact.push({
			formattedName: 'Night Desk',
			phones: { phone: [{ number: '+254700000999', type: 'WORK', onWhatsApp: false }] },
		});
		const result = await run([ticket('254722000111')], parameters);
		expect(result.error).toBeUndefined();
		const bodies = sim.sends('/whatsapp/contact').map((r) => r.body);
		expect(bodies).toHaveLength(2);
		expect(bodies[1]).toEqual({
			messageId: `${bodies[0].messageId}-2`,
			from: '254110090747',
			to: '254722000111',
			name: { formattedName: 'Night Desk' },
			phones: [{ phone: '254700000999', type: 'WORK' }],
		});
		const json = result.items('Send')[0].json;
		expect(json.messageIds).toEqual([bodies[0].messageId, `${bodies[0].messageId}-2`]);
		expect(json.response).toHaveLength(2);
	});

	it('says plainly that the 24-hour window is closed', async () => {
		const result = await run([ticket('254799999999')]);
		expect(result.error?.message).toBe(
			'The customer has not written in the last 24 hours, so WhatsApp closed the session: send an approved template first (LipaChat: Session expired: the customer has not messaged in the last 24 hours. Send a template message first.) (item 0)',
		);
		expect(sim.accepted).toHaveLength(0);
	});

	it('with "Window Closed Output", sends a closed-session ticket to the second output, nothing sent for it', async () => {
		const parameters = specialistParameters({ windowClosedOutput: true });
		const result = await run([ticket('254799999999'), ticket('254722000111')], parameters);
		expect(result.error).toBeUndefined();
		expect(result.items('Send', 0).map((item) => item.json.to)).toEqual(['+254722000111']);
		expect(result.items('Send', 1)).toEqual([
			{
				json: {
					...ticket('254799999999'),
					windowClosed: {
						provider: 'lipaChat',
						message: expect.stringContaining('send an approved template first (LipaChat:'),
					},
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.accepted.map((a) => a.to)).toEqual(['254722000111']);
	});

	it("shows LipaChat's own error message", async () => {
		sim.fail({
			status: 200,
			body: {
				status: 'error',
				message: 'Insufficient balance',
				errors: ['Insufficient balance'],
				data: null,
			},
		});
		const result = await run([ticket('254722000111')], specialistParameters(), {
			continueOnFail: true,
		});
		expect(result.items('Send')[0].json).toMatchObject({
			error: 'LipaChat: Insufficient balance (item 0)',
			details: { reason: 'rejected' },
		});
	});

	it('reports a wrong API key as an auth error and never shows the key', async () => {
		const wrong = 'wrong-lipachat-key-8812';
		const result = await run([ticket('254722000111')], specialistParameters(), {
			continueOnFail: true,
			credentials: { apiKey: wrong },
		});
		expect(result.items('Send')[0].json).toMatchObject({
			error: 'LipaChat: Invalid API key [redacted] (item 0)',
			details: { httpCode: '401', reason: 'auth' },
		});
		expect(JSON.stringify(result.run)).not.toContain(wrong);
		expect(
			(await engine.testCredential('lipaChatApi', credentials({ apiKey: wrong }).lipaChatApi))
				.statusCode,
		).toBe(401);
		expect(await engine.testCredential('lipaChatApi', credentials().lipaChatApi)).toEqual({
			ok: true,
			statusCode: 200,
			url: `${sim.url}/api/v1/template/254110090747`,
		});
	});
});
