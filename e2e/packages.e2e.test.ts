// Each single-service package installed ALONE in a real n8n 2.41.1 with its own templates (its
// workflows/, made from the all-in-one's by scripts/serviceTemplates.js): a send, a provider's
// callback to the package's own trigger, and the AI hand-off with the scripted model. Then one
// package beside the all-in-one: saved workflows of both run, on one stored credential.
import * as fs from 'fs';
import * as path from 'path';

import {
	buttonHandoff,
	enableHandoff,
	expectHandedOver,
	handoffLoop,
	type ProviderName,
} from './handoffScenario';
import { eventually, postJson } from './helpers';
import * as n8n from './n8n';
import { demo, demoCredentials, startSandbox } from './sandbox';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Workflow = { id: string; nodes: Array<{ name: string; type: string }> };

const cache = path.join(n8n.root, '.cache');
const base = `http://127.0.0.1:${demo.ports.n8n}`;
const post = (webhookPath: string, body: object) => postJson(base, webhookPath, body);
const readWorkflow = (file: string): Workflow => JSON.parse(fs.readFileSync(file, 'utf8'));
const allInOneTemplate = (file: string) => readWorkflow(path.join(n8n.root, 'workflows', file));

const services = {
	oneMsg: { packageName: 'n8n-nodes-1msg-handoff', credential: 'oneMsgApi' },
	lipaChat: { packageName: 'n8n-nodes-lipachat-handoff', credential: 'lipaChatApi' },
	whatsAppWeb: { packageName: 'n8n-nodes-gowa-handoff', credential: 'whatsAppWebApi' },
};
type Service = keyof typeof services;
const packageDir = (service: Service) =>
	path.join(n8n.root, 'packages', services[service].packageName);
const packageTemplates = (service: Service) => path.join(packageDir(service), 'workflows');
const packageTemplate = (service: Service, file: string) =>
	readWorkflow(path.join(packageTemplates(service), file));

let sandbox: Sandbox;
let server: Awaited<ReturnType<typeof n8n.startN8n>> | undefined;

/**
 * A fresh n8n with only `tarballs` installed and the workflows of `dir` imported and published
 * (the AI hand-off is published by its test, after its table exists), signed in as the owner.
 */
async function n8nWith(name: string, tarballs: string[], dir: string, types: string[]) {
	await server?.stop();
	const userFolder = path.join(cache, `e2e-package-${name}`);
	n8n.prepareUserFolder(userFolder, ...tarballs);
	const credentials = demoCredentials().filter((c: { type: string }) => types.includes(c.type));
	n8n.importTemplates(userFolder, demo.ports.n8n, credentials, dir, {}, ['HandoffAiAgent01']);
	server = await n8n.startN8n(userFolder, demo.ports.n8n);
	return n8n.signIn(base, {
		email: 'e2e@example.com',
		firstName: 'E2E',
		lastName: 'Owner',
		password: 'E2e-Passw0rd',
	});
}

/** The delivered and read receipts the receipts workflow recorded for one message. */
const receiptsOf = (messageId: unknown) =>
	eventually(() => {
		const mine = (sandbox.receipts as Array<{ status: Record<string, unknown> }>)
			.map((receipt) => receipt.status)
			.filter((status) => status.messageId === messageId);
		return mine.length >= 2 ? mine : undefined;
	});

const packed = (service: Service) => n8n.packPackage(cache, packageDir(service));

/** The package's hand-off loop, as the all-in-one's is checked (e2e/handoffScenario.ts). */
async function handsOver(
	service: ProviderName,
	cookie: string,
	customer: string,
	quiet: string,
	tapper?: string,
) {
	const table = await enableHandoff(
		base,
		cookie,
		sandbox,
		(paths) => n8n.waitForWebhooks(demo.ports.n8n, paths),
		[service],
	);
	const modelCalls = sandbox.model.requests.length;
	expectHandedOver(
		await handoffLoop(sandbox, table, service, customer, quiet),
		service,
		customer,
		quiet,
	);
	expect(sandbox.model.requests.length).toBeGreaterThan(modelCalls);
	// Where the service has buttons, a tap hands over without the model (in a chat of its own).
	if (service !== 'whatsAppWeb') await buttonHandoff(sandbox, table, service, tapper!);
	sandbox.routeMessagesTo('template');
}

beforeAll(async () => {
	n8n.ensureRuntime();
	sandbox = await startSandbox();
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('each single-service package installed alone in a real n8n 2.41.1, with its own templates', () => {
	it('n8n-nodes-gowa-handoff: the delivery photo goes out as a file, its receipts reach the WhatsApp Web (GOWA) Trigger, and the AI agent hands a chat over', async () => {
		const cookie = await n8nWith('gowa', [packed('whatsAppWeb')], packageTemplates('whatsAppWeb'), [
			'whatsAppWebApi',
			'openAiApi',
		]);
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
		await handsOver('whatsAppWeb', cookie, '254733200003', '254733200013');
	}, 300_000);

	it.each([
		[
			'oneMsg',
			'courier-handoff',
			demo.webhookIds.oneMsg,
			'254733200001',
			'254733200011',
			'254733200041',
		],
		[
			'lipaChat',
			'courier-handoff-lipachat',
			demo.webhookIds.lipaChat,
			'254733200002',
			'254733200012',
			'254733200042',
		],
	] as const)(
		'%s: the courier card goes out, the failed delivery reaches its own trigger and the alert, and the AI agent hands a chat over',
		async (service, webhookPath, triggerId, customer, quietCustomer, tapper) => {
			const { packageName, credential } = services[service];
			// The alert of the other service is gone with its trigger.
			const alert = packageTemplate(service, 'failed-delivery-alert.json');
			expect(alert.nodes.map((n) => n.type).filter((t) => t.endsWith('Trigger'))).toEqual([
				`${packageName}.${service}Trigger`,
			]);
			const cookie = await n8nWith(service, [packed(service)], packageTemplates(service), [
				credential,
				'openAiApi',
			]);
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
			const posted = await eventually(() =>
				sandbox.alerts.length > alertsBefore ? sandbox.alerts.at(-1) : undefined,
			).catch(() => {
				const sim = service === 'oneMsg' ? sandbox.oneMsg : sandbox.lipaChat;
				const made = sim.callbacks.map((c) => [c.url, c.status]);
				throw new Error(`No alert; the provider's callbacks: ${JSON.stringify(made)}`);
			});
			expect((posted as { status: Record<string, unknown> }).status).toMatchObject({
				provider: service,
				messageId: answer.json.messageId,
				status: 'failed',
				recipient: '+447911123456',
			});
			await handsOver(service, cookie, customer, quietCustomer, tapper);
		},
		300_000,
	);
});

describe('a single-service package beside the all-in-one', () => {
	it('saved workflows of both run, on one stored GOWA credential', async () => {
		const allInOne = n8n.packPackage(cache);
		// The all-in-one's delivery photo as it was saved, and the package's receipts trigger.
		const dir = path.join(cache, 'e2e-package-both-workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const workflow of [
			allInOneTemplate('delivery-photo-gowa.json'),
			packageTemplate('whatsAppWeb', 'delivery-receipts-gowa.json'),
		]) {
			fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
		}
		await n8nWith('both', [allInOne, packed('whatsAppWeb')], dir, ['whatsAppWebApi']);
		await n8n.waitForWebhooks(demo.ports.n8n, ['delivery-photo', `${demo.webhookIds.gowa}/status`]);
		const answer = await post('delivery-photo', {
			orderId: '20003',
			customerPhone: '+254 722 000111',
			photoUrl: `http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-20003.jpg`,
		});
		expect(answer.status).toBe(200);
		const receipts = await receiptsOf(answer.json.messageId);
		expect(receipts.map((s) => s.status).sort()).toEqual(['delivered', 'read']);
	}, 300_000);
});
