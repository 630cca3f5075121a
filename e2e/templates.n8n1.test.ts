// The packed package and its templates in a real n8n 1.123 (the last 1.x) on Node 20: what
// people on n8n 1.x meet. The AI agent hand-off template is left out: it needs n8n 2.x (its Data
// Table is looked up by name, which n8n 1.x's Data Table node cannot).
import * as fs from 'fs';
import * as path from 'path';

import { eventually, postJson } from './helpers';
import * as n8n from './n8n';
import { ensureN8n1, n8n1 } from './n8n1';
import { demo, demoCredentials, startSandbox } from './sandbox';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let server: Awaited<ReturnType<typeof n8n.startN8n>>;
const base = `http://127.0.0.1:${demo.ports.n8n}`;
const post = (webhookPath: string, body: object) => postJson(base, webhookPath, body);
const courierOrder = (customerPhone: string) => ({
	orderId: '10482',
	customerPhone,
	courier: { name: 'Иван Курьер', phone: '+998901234567' },
});
const needsN8n2 = ['ai-agent-with-human-handoff.json'];

beforeAll(async () => {
	ensureN8n1();
	n8n.useRuntime(n8n1);
	const cache = path.join(n8n.root, '.cache');
	const userFolder = path.join(cache, 'e2e-n8n1-user');
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache));
	const templates = path.join(userFolder, 'templates');
	fs.mkdirSync(templates);
	for (const file of fs.readdirSync(path.join(n8n.root, 'workflows'))) {
		if (file.endsWith('.json') && !needsN8n2.includes(file)) {
			fs.copyFileSync(path.join(n8n.root, 'workflows', file), path.join(templates, file));
		}
	}
	sandbox = await startSandbox();
	n8n.importTemplates(userFolder, demo.ports.n8n, demoCredentials(), templates);
	server = await n8n.startN8n(userFolder, demo.ports.n8n);
	await eventually(() => (sandbox.oneMsg.webhookUrls.length >= 2 ? true : undefined), 60_000);
	await n8n.waitForWebhooks(demo.ports.n8n, ['courier-handoff', 'courier-handoff-fallback']);
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('the templates in a real n8n 1.123 with the packed package installed', () => {
	it('courier contact card: the order sends the card through 1MSG and answers 200 with the send result', async () => {
		const answer = await post('courier-handoff', courierOrder('+1 202 555 0199'));
		const [request] = sandbox.oneMsg.sends('/sendContact');
		expect(request.body).toEqual({
			phone: '12025550199',
			contacts: [
				{
					name: { formatted_name: 'Иван Курьер', first_name: 'Иван Курьер' },
					phones: [{ phone: '+998901234567', type: 'CELL' }],
				},
			],
		});
		expect(answer).toEqual({
			status: 200,
			json: expect.objectContaining({
				provider: 'oneMsg',
				messageId: sandbox.oneMsg.accepted[0].id,
				status: 'accepted',
			}),
		});
	});

	it('a bad order answers 400 with the reason: the IF on $json.error routes it, as n8n 1.x takes {error, details} for no error item', async () => {
		const sent = sandbox.oneMsg.sends('/sendContact').length;
		expect(await post('courier-handoff', courierOrder('12345'))).toEqual({
			status: 400,
			json: {
				error: '"Recipient" is not a valid phone number: "12345" (item 0)',
				details: {
					reason: 'invalidInput',
					field: 'Recipient',
					description:
						'Use the international format, e.g. +12025550199, or set "Default Country" in the options.',
				},
			},
		});
		expect(sandbox.oneMsg.sends('/sendContact')).toHaveLength(sent);
	});

	it('closed-window fallback: the Window Closed output sends the courier template instead', async () => {
		const answer = await post('courier-handoff-fallback', courierOrder('+1 202 555 0123'));
		expect(answer.json).toMatchObject({
			status: 'accepted',
			template: 'courier_assigned',
			preview: 'Your courier Иван Курьер is on the way.',
		});
	});

	it('customer messages: a customer asking for a person on 1MSG and GOWA gets the line and the card back', async () => {
		for (const sim of [sandbox.oneMsg, sandbox.gowa]) {
			sim.customerWrites({ kind: 'text', from: '254733000555', text: 'Can I talk to a person?' });
			await sim.callbacksDone();
		}
		await eventually(() =>
			sandbox.oneMsg.sends('/sendMessage').length >= 1 &&
			sandbox.gowa.sends('/send/contact').length >= 1
				? true
				: undefined,
		);
		expect(sandbox.oneMsg.sends('/sendMessage')[0].body).toMatchObject({
			chatId: '254733000555@c.us',
		});
		expect(sandbox.gowa.sends('/send/contact')[0].body).toMatchObject({
			phone: '254733000555@s.whatsapp.net',
			contact_name: 'Jane Specialist',
		});
		expect(
			[...sandbox.oneMsg.callbacks, ...sandbox.gowa.callbacks].every((c) => c.status === 200),
		).toBe(true);
	});

	it('statuses: a failed delivery reaches the alert, GOWA receipts reach the CRM', async () => {
		await post('courier-handoff', courierOrder('+44 7911 123456'));
		await eventually(() => (sandbox.alerts.length >= 1 ? true : undefined));
		expect(sandbox.alerts[0]).toMatchObject({
			status: {
				provider: 'oneMsg',
				status: 'failed',
				recipient: '+447911123456',
				error: { message: 'Message undeliverable' },
			},
		});
		expect(sandbox.receipts.length).toBeGreaterThanOrEqual(1);
	});
});
