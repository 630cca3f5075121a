// Each single-service package installed ALONE in a real n8n 2.41.1, running its service's
// templates (the all-in-one's, made for the package by scripts/serviceTemplates.js): a send, and
// a provider's callback to the package's own trigger. Then one package beside the all-in-one:
// saved workflows of both run, on one stored credential.
import * as fs from 'fs';
import * as path from 'path';

import { forService } from '../scripts/serviceTemplates';
import { eventually, postJson } from './helpers';
import * as n8n from './n8n';
import { demo, demoCredentials, startSandbox } from './sandbox';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Workflow = { id: string; nodes: Array<{ name: string; type: string }> };

const cache = path.join(n8n.root, '.cache');
const base = `http://127.0.0.1:${demo.ports.n8n}`;
const post = (webhookPath: string, body: object) => postJson(base, webhookPath, body);
const template = (file: string): Workflow =>
	JSON.parse(fs.readFileSync(path.join(n8n.root, 'workflows', file), 'utf8'));

const services = {
	oneMsg: { packageName: 'n8n-nodes-1msg-handoff', credential: 'oneMsgApi' },
	lipaChat: { packageName: 'n8n-nodes-lipachat-handoff', credential: 'lipaChatApi' },
	whatsAppWeb: { packageName: 'n8n-nodes-gowa-handoff', credential: 'whatsAppWebApi' },
};
type Service = keyof typeof services;

let sandbox: Sandbox;
let server: Awaited<ReturnType<typeof n8n.startN8n>> | undefined;

/** A fresh n8n with only `tarballs` installed and `workflows` imported and published. */
async function n8nWith(name: string, tarballs: string[], workflows: Workflow[], types: string[]) {
	await server?.stop();
	const userFolder = path.join(cache, `e2e-package-${name}`);
	n8n.prepareUserFolder(userFolder, ...tarballs);
	const dir = path.join(userFolder, 'workflows');
	fs.mkdirSync(dir, { recursive: true });
	workflows.forEach((workflow) =>
		fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow)),
	);
	const credentials = demoCredentials().filter((c: { type: string }) => types.includes(c.type));
	n8n.importTemplates(userFolder, demo.ports.n8n, credentials, dir);
	server = await n8n.startN8n(userFolder, demo.ports.n8n);
}

const forPackage = (service: Service, file: string): Workflow =>
	forService(template(file), { packageName: services[service].packageName, providerId: service });

/** The delivered and read receipts the receipts workflow recorded for one message. */
const receiptsOf = (messageId: unknown) =>
	eventually(() => {
		const mine = (sandbox.receipts as Array<{ status: Record<string, unknown> }>)
			.map((receipt) => receipt.status)
			.filter((status) => status.messageId === messageId);
		return mine.length >= 2 ? mine : undefined;
	});

const packed = (service: Service) =>
	n8n.packPackage(cache, path.join(n8n.root, 'packages', services[service].packageName));

beforeAll(async () => {
	n8n.ensureRuntime();
	sandbox = await startSandbox();
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('each single-service package installed alone in a real n8n 2.41.1', () => {
	it('n8n-nodes-gowa-handoff: the delivery photo goes out as a file, and its receipts reach the WhatsApp Web (GOWA) Trigger', async () => {
		const workflows = [
			forPackage('whatsAppWeb', 'delivery-photo-gowa.json'),
			forPackage('whatsAppWeb', 'delivery-receipts-gowa.json'),
		];
		expect(workflows.flatMap((w) => w.nodes.map((n) => n.type))).toEqual(
			expect.arrayContaining([
				'n8n-nodes-gowa-handoff.whatsAppWeb',
				'n8n-nodes-gowa-handoff.whatsAppWebTrigger',
			]),
		);
		await n8nWith('gowa', [packed('whatsAppWeb')], workflows, ['whatsAppWebApi']);
		await n8n.waitForWebhooks(demo.ports.n8n, ['delivery-photo', `${demo.webhookIds.gowa}/status`]);
		const answer = await post('delivery-photo', {
			orderId: '20001',
			customerPhone: '+254 722 000111',
			photoUrl: `http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-20001.jpg`,
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ provider: 'whatsAppWeb', mediaType: 'image' });
		const [upload] = sandbox.gowa.sends('/send/image');
		expect(upload.files!.image).toMatchObject({ fileName: 'parcel-20001.jpg' });
		const receipts = await receiptsOf(answer.json.messageId);
		// Two executions, in either order.
		expect(receipts.map((s) => `${s.provider} ${s.status}`).sort()).toEqual([
			'whatsAppWeb delivered',
			'whatsAppWeb read',
		]);
	});

	it.each([
		['oneMsg', 'courier-contact-card.json', 'courier-handoff', demo.webhookIds.oneMsg],
		[
			'lipaChat',
			'closed-window-fallback-lipachat.json',
			'courier-handoff-lipachat',
			demo.webhookIds.lipaChat,
		],
	] as const)(
		'%s: the courier card goes out, and the failed delivery reaches its own trigger and the alert',
		async (service, sendTemplate, webhookPath, triggerId) => {
			const workflows = [
				forPackage(service, sendTemplate),
				forPackage(service, 'failed-delivery-alert.json'),
			];
			const { packageName, credential } = services[service];
			// The alert of the other service is gone with its trigger.
			expect(workflows[1].nodes.map((n) => n.type).filter((t) => t.endsWith('Trigger'))).toEqual([
				`${packageName}.${service}Trigger`,
			]);
			await n8nWith(service, [packed(service)], workflows, [credential]);
			await n8n.waitForWebhooks(demo.ports.n8n, [webhookPath]);
			if (service === 'oneMsg') {
				// Published at startup, the 1MSG Trigger adds its URL to the channel, then turns on
				// delivery notifications.
				await eventually(() =>
					sandbox.oneMsg.ackNotificationsOn &&
					sandbox.oneMsg.webhookUrls.some((url) => url.includes(`/webhook/${triggerId}/status`))
						? true
						: undefined,
				);
			} else {
				await n8n.waitForWebhooks(demo.ports.n8n, [`${triggerId}/status`]);
			}
			const alertsBefore = sandbox.alerts.length;
			const answer = await post(webhookPath, {
				orderId: '20002',
				customerPhone: '+44 7911 123456',
				courier: { name: 'Иван Курьер', phone: '+998901234567' },
			});
			expect(answer.status).toBe(200);
			expect(answer.json).toMatchObject({ provider: service, status: 'accepted' });
			const alert = await eventually(() =>
				sandbox.alerts.length > alertsBefore ? sandbox.alerts.at(-1) : undefined,
			).catch(() => {
				const sim = service === 'oneMsg' ? sandbox.oneMsg : sandbox.lipaChat;
				const made = sim.callbacks.map((c) => [c.url, c.status]);
				throw new Error(`No alert; the provider's callbacks: ${JSON.stringify(made)}`);
			});
			expect((alert as { status: Record<string, unknown> }).status).toMatchObject({
				provider: service,
				messageId: answer.json.messageId,
				status: 'failed',
				recipient: '+447911123456',
			});
		},
	);
});

describe('a single-service package beside the all-in-one', () => {
	it('saved workflows of both run, on one stored GOWA credential', async () => {
		const allInOne = n8n.packPackage(cache);
		// The all-in-one's delivery photo as it was saved, and the package's receipts trigger.
		const workflows = [
			template('delivery-photo-gowa.json'),
			forPackage('whatsAppWeb', 'delivery-receipts-gowa.json'),
		];
		await n8nWith('both', [allInOne, packed('whatsAppWeb')], workflows, ['whatsAppWebApi']);
		await n8n.waitForWebhooks(demo.ports.n8n, ['delivery-photo', `${demo.webhookIds.gowa}/status`]);
		const answer = await post('delivery-photo', {
			orderId: '20003',
			customerPhone: '+254 722 000111',
			photoUrl: `http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-20003.jpg`,
		});
		expect(answer.status).toBe(200);
		const receipts = await receiptsOf(answer.json.messageId);
		expect(receipts.map((s) => s.status).sort()).toEqual(['delivered', 'read']);
	});
});
