import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { startRedirector } from './engine/redirector';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

const PASSWORD = 'gowa-pass-Hn27v';
const sim = new WhatsAppWebSimulator({
	user: 'admin',
	password: PASSWORD,
	devices: ['shop-phone'],
});
let engine: Engine;
const credentials = (overrides: object = {}) => ({
	whatsAppWebApi: {
		baseUrl: sim.url,
		user: 'admin',
		password: PASSWORD,
		deviceId: 'shop-phone',
		...overrides,
	},
});

const parameters = (options: object = {}, contacts?: object[]) => ({
	operation: 'sendContact',
	recipient: '={{ $json.customerPhone }}',
	contacts: {
		contact: contacts ?? [
			{
				formattedName: '={{ $json.rep.name }}',
				phones: { phone: [{ number: '={{ $json.rep.phone }}', type: 'CELL', onWhatsApp: true }] },
			},
		],
	},
	options,
});
const lead = (customerPhone: string) => ({
	customerPhone,
	rep: { name: 'Michael Chen - Sales Manager', phone: '+62 898 7654 3210' },
});

const run = nodeRunner(
	() => engine,
	{ type: 'whatsAppWeb', credentialType: 'whatsAppWebApi' },
	() => credentials().whatsAppWebApi,
	() => parameters(),
);

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	sim.devices = ['shop-phone'];
	sim.notOnWhatsApp.clear();
});

describe('WhatsApp Web (GOWA) Send Contact in the n8n engine', () => {
	it('sends the card as GOWA expects: JID recipient, digits contact phone, device and basic auth', async () => {
		const result = await run([lead('+62 896 8502 4051')]);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/send/contact');
		expect(request.headers['x-device-id']).toBe('shop-phone');
		expect(request.headers.authorization).toBe(
			`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`,
		);
		expect(request.body).toEqual({
			phone: '6289685024051@s.whatsapp.net',
			contact_name: 'Michael Chen - Sales Manager',
			contact_phone: '6289876543210',
		});
		expect(result.items('Send')).toEqual([
			{
				json: {
					provider: 'whatsAppWeb',
					messageId: sim.accepted[0].id,
					status: 'accepted',
					to: '+6289685024051',
					sentAt: expect.any(String),
					response: {
						code: 'SUCCESS',
						message: 'Success',
						results: { message_id: sim.accepted[0].id, status: 'Contact sent successfully' },
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends to a group, with forwarded flag, disappearing duration and a device override', async () => {
		sim.devices = ['shop-phone', 'support-phone'];
		const result = await run(
			[lead('120363025246125888@g.us')],
			parameters({ deviceId: 'support-phone', duration: 604800, isForwarded: true }),
		);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/send/contact');
		expect(request.headers['x-device-id']).toBe('support-phone');
		expect(request.body).toEqual({
			phone: '120363025246125888@g.us',
			contact_name: 'Michael Chen - Sales Manager',
			contact_phone: '6289876543210',
			is_forwarded: true,
			duration: 604800,
		});
		expect(result.items('Send')[0].json.to).toBe('120363025246125888@g.us');
	});

	it('sends one message per contact and lists every message id', async () => {
		const contacts = [
			{ formattedName: 'Support - Acme Corp', phones: { phone: [{ number: '+6281234567890' }] } },
			{ formattedName: 'Emergency Hotline', phones: { phone: [{ number: '+6285551234567' }] } },
		];
		const result = await run([lead('6289685024051')], parameters({}, contacts));
		expect(result.error).toBeUndefined();
		expect(
			sim.sends('/send/contact').map((r) => [r.body.contact_name, r.body.contact_phone]),
		).toEqual([
			['Support - Acme Corp', '6281234567890'],
			['Emergency Hotline', '6285551234567'],
		]);
		const json = result.items('Send')[0].json;
		expect(json.messageId).toBe(sim.accepted[0].id);
		expect(json.messageIds).toEqual(sim.accepted.map((a) => a.id));
	});

	it('refuses a contact with two phones instead of dropping one', async () => {
		const contacts = [
			{
				formattedName: 'Two Phones',
				phones: { phone: [{ number: '+6281234567890' }, { number: '+6281234567891' }] },
			},
		];
		const result = await run([lead('6289685024051')], parameters({}, contacts));
		expect(result.error?.message).toBe(
			'WhatsApp Web (GOWA) puts one phone on a card, but "Two Phones" has 2 (item 0)',
		);
		expect(result.error?.description).toBe(
			'Keep one phone per contact, or add the other numbers as separate contacts.',
		);
		expect(sim.received).toHaveLength(0);
	});

	it("shows GOWA's error code and message, e.g. a recipient not on WhatsApp", async () => {
		sim.notOnWhatsApp.add('6289685024051');
		const result = await run([lead('6289685024051'), lead('6289685024052')], parameters(), {
			continueOnFail: true,
		});
		const items = result.items('Send');
		expect(items[0].json).toMatchObject({
			error:
				'GOWA INVALID_JID: 6289685024051@s.whatsapp.net is not on whatsapp (the recipient is not on WhatsApp or the number is wrong) (item 0)',
			details: { httpCode: '400', reason: 'rejected' },
		});
		expect(items[1].json.status).toBe('accepted');
	});

	it('explains DEVICE_ID_REQUIRED when several devices are logged in and none is chosen', async () => {
		sim.devices = ['shop-phone', 'support-phone'];
		const result = await run([lead('6289685024051')], parameters(), {
			credentials: { deviceId: '' },
		});
		expect(result.error?.message).toBe(
			'GOWA DEVICE_ID_REQUIRED: device id is required when several devices are registered (several devices are logged in: set Device ID in the credential or the node) (item 0)',
		);
	});

	it('reports wrong basic-auth credentials and never shows the password', async () => {
		const wrong = 'wrong-gowa-Password-77';
		const result = await run([lead('6289685024051')], parameters(), {
			continueOnFail: true,
			credentials: { password: wrong },
		});
		expect(result.items('Send')[0].json).toMatchObject({
			error: 'GOWA: Unauthorized (item 0)',
			details: { httpCode: '401', reason: 'auth' },
		});
		expect(JSON.stringify(result.run)).not.toContain(wrong);
		expect(
			(
				await engine.testCredential(
					'whatsAppWebApi',
					credentials({ password: wrong }).whatsAppWebApi,
				)
			).statusCode,
		).toBe(401);
		expect((await engine.testCredential('whatsAppWebApi', credentials().whatsAppWebApi)).ok).toBe(
			true,
		);
	});

	it('does not take the password through a redirect, in a send or in the credential test', async () => {
		const moved = await startRedirector(sim.url);
		try {
			const result = await run([lead('6289685024051')], parameters(), {
				continueOnFail: true,
				credentials: { baseUrl: moved.url },
			});
			expect(result.items('Send')[0].json).toMatchObject({
				error: `The provider's address answered with a redirect (HTTP 301) to ${sim.url}/send/contact. Redirects are not followed, so the credential never goes to another address: set Base URL in the credential to the address you expect (item 0)`,
				details: { httpCode: '301', reason: 'rejected' },
			});
			const test = await engine.testCredential(
				'whatsAppWebApi',
				credentials({ baseUrl: moved.url }).whatsAppWebApi,
			);
			expect(test).toMatchObject({
				ok: false,
				statusCode: 301,
				message:
					'Base URL redirects to another address (HTTP 301). Redirects are not followed, so the credentials never go elsewhere: set Base URL to the address the server answers at',
			});
			expect(moved.seen.map((request) => request.path)).toEqual(['/send/contact', '/app/devices']);
			expect(sim.received).toEqual([]);
		} finally {
			await moved.stop();
		}
	});

	it('never re-sends after a dropped connection: the item fails as "outcome unknown"', async () => {
		sim.fail({ drop: 'after' });
		const result = await run([lead('6289685024051')], parameters(), { continueOnFail: true });
		expect(sim.sends('/send/contact')).toHaveLength(1);
		expect(result.items('Send')[0].json).toMatchObject({
			error: expect.stringContaining('outcome unknown, not re-sent'),
			details: { reason: 'outcomeUnknown' },
		});
	});
});
