// The single-service packages (packages/), built from the same source, loaded into n8n's engine
// beside the all-in-one the way n8n loads installed packages: each holds its service's node and
// trigger; the trigger serves its one provider with no Provider parameter; a credential stored
// for the all-in-one works for it (same type name).
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { TriggerHarness } from './engine/triggerHarness';
import { triggersStoppedAfterEach, useSimulators } from './engine/triggerLifecycle';
import { OneMsgSimulator } from './sandbox/oneMsg';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

const GOWA_SECRET = 'gowa-webhook-secret-svc';
const TOKEN = 'sim-1msg-token-Svc';
const CUSTOMER = '254722000111';
const gowa = new WhatsAppWebSimulator({ devices: ['shop-phone'] });
const oneMsg = new OneMsgSimulator({ channelId: '123456', token: TOKEN });
const packages = ['n8n-nodes-1msg-handoff', 'n8n-nodes-lipachat-handoff', 'n8n-nodes-gowa-handoff'];

let engine: Engine;
beforeAll(async () => {
	engine = await Engine.load(packages);
});
useSimulators(gowa, oneMsg);
const harnesses = triggersStoppedAfterEach();

const gowaCredentials = () => ({
	whatsAppWebApi: { baseUrl: gowa.url, deviceId: 'shop-phone', webhookSecret: GOWA_SECRET },
});

describe('each single-service package', () => {
	it.each([
		['n8n-nodes-1msg-handoff', 'oneMsg', 'OneMsg', '1MSG', 'oneMsgApi'],
		['n8n-nodes-lipachat-handoff', 'lipaChat', 'LipaChat', 'LipaChat', 'lipaChatApi'],
		[
			'n8n-nodes-gowa-handoff',
			'whatsAppWeb',
			'WhatsAppWeb',
			'WhatsApp Web (GOWA)',
			'whatsAppWebApi',
		],
	])(
		'%s: its node and its own trigger, with one credential and no Provider choice',
		(pkg, id, nodeDir, name, credential) => {
			const node = engine.nodeTypes.getByNameAndVersion(`${pkg}.${id}`, 1);
			expect(node.description.credentials).toEqual([{ name: credential, required: true }]);
			const trigger = engine.nodeTypes.getByNameAndVersion(`${pkg}.${id}Trigger`, 1);
			expect(trigger.description).toMatchObject({
				displayName: `${name} Trigger`,
				name: `${id}Trigger`,
				defaults: { name: `${name} Trigger` },
				credentials: [{ name: credential, required: true }],
			});
			// n8n turns the icon into its URL in the package; the files are beside the trigger.
			const folder = `dist/nodes/${nodeDir}Trigger`;
			expect(trigger.description.iconUrl).toEqual({
				light: `icons/${pkg}/${folder}/${id}.svg`,
				dark: `icons/${pkg}/${folder}/${id}.dark.svg`,
			});
			for (const icon of [`${id}.svg`, `${id}.dark.svg`]) {
				expect(fs.existsSync(path.join(__dirname, '../packages', pkg, folder, icon))).toBe(true);
			}
			const parameters = trigger.description.properties.map((p) => p.name);
			expect(parameters).not.toContain('provider');
			expect(parameters).toEqual(expect.arrayContaining(['events', 'statuses', 'options']));
			// Nothing of another service: no other provider's notice or parameter.
			expect(parameters.filter((p) => p.endsWith('Notice'))).toEqual([`${id}Notice`]);
		},
	);

	it("the all-in-one's trigger keeps its type and its Provider choice, under its own name", () => {
		const trigger = engine.nodeTypes.getByNameAndVersion(
			'n8n-nodes-whatsapp-handoff.whatsAppStatusTrigger',
			1,
		);
		expect(trigger.description.displayName).toBe('WhatsApp Handoff Trigger');
		expect(trigger.description.properties[0]).toMatchObject({
			name: 'provider',
			default: 'oneMsg',
			options: [
				{ name: '1MSG', value: 'oneMsg' },
				{ name: 'LipaChat', value: 'lipaChat' },
				{ name: 'WhatsApp Web (GOWA)', value: 'whatsAppWeb' },
			],
		});
	});
});

describe('n8n-nodes-gowa-handoff in the engine', () => {
	const run = nodeRunner(
		() => engine,
		{ type: 'n8n-nodes-gowa-handoff.whatsAppWeb', credentialType: 'whatsAppWebApi' },
		() => gowaCredentials().whatsAppWebApi,
	);

	it('sends a text with the same request as the all-in-one', async () => {
		gowa.reset();
		const result = await run([{ customerPhone: `+${CUSTOMER}` }], {
			operation: 'sendText',
			recipient: '={{ $json.customerPhone }}',
			text: 'Juma is your courier today.',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(gowa.sends('/send/message').map((r) => r.body)).toEqual([
			{ phone: `${CUSTOMER}@s.whatsapp.net`, message: 'Juma is your courier today.' },
		]);
		expect(result.items('Send')[0].json).toMatchObject({
			provider: 'whatsAppWeb',
			status: 'accepted',
		});
	});

	it('its trigger registers on the device with the events it reads itself, and starts on a signed message', async () => {
		gowa.reset();
		const harness = await new TriggerHarness(
			engine,
			{ events: ['message', 'status'], statuses: [], registerOnDevice: true, options: {} } as never,
			gowaCredentials() as never,
			'n8n-nodes-gowa-handoff.whatsAppWebTrigger',
		).start();
		harnesses.push(harness);
		await harness.activate();
		expect(gowa.received.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body])).toEqual([
			[
				'/devices/shop-phone/webhook',
				{
					webhook_url: harness.webhookUrl,
					webhook_secret: GOWA_SECRET,
					webhook_events: 'message,message.reaction,message.ack',
				},
			],
		]);
		gowa.customerWrites({ kind: 'text', from: CUSTOMER, id: 'SVC1', text: 'A person, please' });
		await gowa.callbacksDone();
		expect(harness.executions.flat().map((item) => item.json)).toEqual([
			expect.objectContaining({
				provider: 'whatsAppWeb',
				messageId: 'SVC1',
				direction: 'incoming',
				from: `+${CUSTOMER}`,
				type: 'text',
				text: 'A person, please',
			}),
		]);
		const body = JSON.stringify({ event: 'message', payload: { id: 'X' } });
		const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
		expect((await harness.post(body, { headers: { 'x-hub-signature-256': forged } })).status).toBe(
			401,
		);
	});
});

describe('n8n-nodes-1msg-handoff in the engine', () => {
	it('its trigger adds its URL to the channel and starts on a customer message', async () => {
		oneMsg.reset();
		const harness = await new TriggerHarness(
			engine,
			{ events: ['message'], statuses: [], options: {} } as never,
			{ oneMsgApi: { token: TOKEN, channelId: '123456', baseUrl: oneMsg.url } } as never,
			'n8n-nodes-1msg-handoff.oneMsgTrigger',
		).start();
		harnesses.push(harness);
		await harness.activate();
		oneMsg.customerWrites({ kind: 'text', from: CUSTOMER, id: 'SVC2', text: 'Hello' });
		await oneMsg.callbacksDone();
		expect(harness.executions.flat().map((item) => item.json)).toEqual([
			expect.objectContaining({ provider: 'oneMsg', messageId: 'wamid.SVC2', text: 'Hello' }),
		]);
	});
});

describe("each package's templates (packages/*/workflows, made by scripts/serviceTemplates.js)", () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { servicePackages, writeServiceTemplates } = require('../scripts/serviceTemplates');
	type Workflow = {
		nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
		connections: Record<string, { main?: Array<Array<{ node: string }>> }>;
	};
	const read = (dir: string, file: string): Workflow =>
		JSON.parse(fs.readFileSync(path.join(dir, 'workflows', file), 'utf8'));
	const services: Array<{ dir: string; packageName: string; providerId: string }> =
		servicePackages();

	it('are committed as the all-in-one templates make them', () => {
		expect(writeServiceTemplates({ check: true })).toEqual([]);
	});

	it.each(services.map((s) => [s.packageName, s] as const))(
		'%s: only its own nodes, each one the package has, and its trigger without a Provider',
		(_name, { dir, packageName, providerId }) => {
			for (const file of fs.readdirSync(path.join(dir, 'workflows'))) {
				const workflow = read(dir, file);
				const ours = workflow.nodes.filter((n) => /^n8n-nodes-.*-handoff\./.test(n.type));
				expect(ours.length).toBeGreaterThan(0);
				for (const node of ours) {
					expect(node.type.startsWith(`${packageName}.`)).toBe(true);
					const type = node.type.replace(/Tool$/, '');
					expect(() => engine.nodeTypes.getByNameAndVersion(type, 1)).not.toThrow();
					if (type.endsWith('Trigger')) expect(node.parameters).not.toHaveProperty('provider');
				}
				// Every link leads to a node of the workflow.
				const names = new Set(workflow.nodes.map((n) => n.name));
				for (const [from, outputs] of Object.entries(workflow.connections)) {
					expect(names.has(from)).toBe(true);
					for (const links of Object.values(outputs)) {
						for (const link of (links as Array<Array<{ node: string }>>).flat())
							expect(names.has(link.node)).toBe(true);
					}
				}
				expect(JSON.stringify(workflow)).not.toMatch(/1MSG, LipaChat|all three providers/);
			}
			expect(fs.existsSync(path.join(dir, 'workflows', 'ai-agent-with-human-handoff.json'))).toBe(
				true,
			);
		},
	);

	it.each(services.map((s) => [s.packageName, s] as const))(
		'%s: the AI hand-off is one lane: one trigger, one agent with its hand-over tool, the answer through the same service; a tapped button hands over without the agent where the service has buttons',
		(_name, { dir, packageName, providerId }) => {
			const workflow = read(dir, 'ai-agent-with-human-handoff.json');
			const byType = (type: string) => workflow.nodes.filter((n) => n.type === type);
			const typeOf = (name: string) => workflow.nodes.find((n) => n.name === name)!.type;
			const next = (name: string) =>
				(workflow.connections[name]?.main ?? []).flat().map((link) => link.node);
			expect(workflow.nodes.length).toBeLessThanOrEqual(27);
			expect(byType('@n8n/n8n-nodes-langchain.agent')).toHaveLength(1);
			expect(byType(`${packageName}.${providerId}Trigger`)).toHaveLength(1);
			expect(byType(`${packageName}.${providerId}Tool`)).toHaveLength(1);
			expect(byType('n8n-nodes-base.switch').map((n) => n.name)).toEqual(['What Happened?']);
			const [agent] = byType('@n8n/n8n-nodes-langchain.agent');
			expect(next(agent.name)).toEqual(['Answer']);
			const sends = (name: string): string[] =>
				typeOf(name) === `${packageName}.${providerId}` ? [name] : next(name).flatMap(sends);
			const replies = sends('Answer').map(
				(name) => workflow.nodes.find((n) => n.name === name)!.parameters.operation,
			);
			if (providerId === 'whatsAppWeb') {
				// No buttons on WhatsApp Web: the agent's tool is the way to a person.
				expect(next('Not With a Person?')).toEqual(['Mark Read, Show Typing (GOWA)']);
				expect(replies).toEqual(['sendText']);
				return;
			}
			expect(next('Not With a Person?')).toEqual(['Tapped Talk to a Person?']);
			const [tapped, toAgent] = workflow.connections['Tapped Talk to a Person?'].main!;
			expect(typeOf(tapped[0].node)).toBe(`${packageName}.${providerId}`);
			expect(next(toAgent[0].node)).toEqual([agent.name]);
			expect(replies.sort()).toEqual(['sendButtons', 'sendText']);
		},
	);
});
