// The package in n8n's queue mode: Postgres, Redis, a main process, two workers and two webhook
// processes (e2e/queue.js). The templates run there; several executions share one provider cap;
// Drop Duplicates under concurrent callbacks. Figures are printed for docs/queue-mode.md.
import { createHmac } from 'crypto';
import * as path from 'path';

import {
	burstWithRepeats,
	describeAnswers,
	executionsById,
	postAll,
	type Answer,
	type Callback,
} from './burst';
import {
	buttonHandoff,
	enableHandoff,
	expectHandedOver,
	handoffLoop,
	type ProviderName,
} from './handoffScenario';
import { eventually, postJson } from './helpers';
import * as n8n from './n8n';
import { ports, startQueue } from './queue';
import { demo, demoCredentials, startSandbox } from './sandbox';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Queue = Awaited<ReturnType<typeof startQueue>>;
let sandbox: Sandbox;
let queue: Queue;
const webhookBase = `http://127.0.0.1:${ports.webhook}`;
const post = (webhookPath: string, body: object) => postJson(webhookBase, webhookPath, body);
const mainBase = `http://127.0.0.1:${ports.main}`;

const workerOutput = () => queue.workers.map((worker) => worker.output()).join('\n');
const startedOnWorkers = () => (workerOutput().match(/Worker started execution \d+/g) ?? []).length;
const report: string[] = [];

beforeAll(async () => {
	n8n.ensureRuntime();
	const cache = path.join(n8n.root, '.cache');
	const tarball = n8n.packPackage(cache);
	sandbox = await startSandbox({ n8nUrl: webhookBase });
	queue = await startQueue({
		tarball,
		cacheDir: cache,
		setup: ({
			importTemplates,
		}: {
			importTemplates: (credentials: unknown, dir: string, unpublished?: string[]) => void;
		}) => {
			// The AI agent hand-off is published by its own test (it answers the same messages as
			// "Customer asks for a person").
			importTemplates(demoCredentials(), path.join(n8n.root, 'workflows'), ['HandoffAiAgent01']);
			importTemplates(demoCredentials(), path.join(__dirname, 'queue-workflows'));
		},
	});
	// The main process activates the triggers; 1MSG's register the webhook process's URL.
	await eventually(() => (sandbox.oneMsg.webhookUrls.length >= 2 ? true : undefined), 90_000);
	await n8n.waitForWebhooks(ports.webhook, ['courier-handoff', 'queue-cap-share'], 90_000);
	await n8n.waitForWebhooks(ports.secondWebhook, ['courier-handoff'], 90_000);
}, 20 * 60_000);

afterAll(async () => {
	await queue?.stop();
	await sandbox?.stop();
	if (report.length) process.stdout.write(`\nQueue mode figures:\n${report.join('\n')}\n`);
});

describe('n8n 2.41.1 in queue mode (main + 2 workers + 2 webhook processes, Postgres, Redis)', () => {
	it('runs the order template: the webhook process takes the order, a worker sends the card', async () => {
		const before = startedOnWorkers();
		const answer = await post('courier-handoff', {
			orderId: '7',
			customerPhone: '+1 202 555 0199',
			courier: { name: 'Ivan', phone: '+998901234567' },
		});
		expect(answer).toMatchObject({ status: 200, json: { provider: 'oneMsg', status: 'accepted' } });
		expect(sandbox.oneMsg.sends('/sendContact').map((r) => r.body.phone)).toContain('12025550199');
		expect(startedOnWorkers()).toBeGreaterThan(before);
	});

	it('takes status callbacks on the webhook process and runs the alert on a worker', async () => {
		expect(
			sandbox.oneMsg.webhookUrls.every((url) => url.startsWith(`${webhookBase}/webhook/`)),
		).toBe(true);
		const before = startedOnWorkers();
		await post('courier-handoff', {
			orderId: '8',
			customerPhone: '+44 7911 123456',
			courier: { name: 'Ivan', phone: '+998901234567' },
		});
		const alert = await eventually(
			() =>
				(sandbox.alerts as Array<{ status: Record<string, unknown> }>).find(
					(a) => a.status.status === 'failed' && a.status.provider === 'oneMsg',
				),
			30_000,
		);
		expect(alert.status.recipient).toBe('+447911123456');
		expect(startedOnWorkers()).toBeGreaterThanOrEqual(before + 2);
	});

	it('unregisters the 1MSG trigger when its workflow is unpublished, keeping the others', async () => {
		const cookie = await n8n.signIn(mainBase, {
			email: 'owner@handoff.test',
			firstName: 'Queue',
			lastName: 'Owner',
			password: 'Queue-e2e-Passw0rd',
		});
		const before = [...sandbox.oneMsg.webhookUrls];
		const alertUrl = before.find((url) => url.includes(demo.webhookIds.oneMsg))!;
		const response = await fetch(`${mainBase}/rest/workflows/HandoffFailAlert/deactivate`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(200);
		await eventually(
			() => (sandbox.oneMsg.webhookUrls.includes(alertUrl) ? undefined : true),
			30_000,
		);
		expect(sandbox.oneMsg.webhookUrls).toEqual(before.filter((url) => url !== alertUrl));
	});

	it('four executions of 250 sends at once, each capped at 80/s, against a provider capped at 80/s', async () => {
		sandbox.oneMsg.reset();
		sandbox.oneMsg.sessionOpen = () => true;
		sandbox.oneMsg.limit(80);
		const orders = (batch: number) =>
			Array.from({ length: 250 }, (_, i) => ({
				customerPhone: `+4479111${String(batch * 1000 + i).padStart(5, '0')}`,
			}));
		const started = Date.now();
		const answers = await Promise.all(
			[0, 1, 2, 3].map((batch) => post('queue-cap-share', { orders: orders(batch) })),
		);
		const wallMs = Date.now() - started;
		const { acceptedAt, refusedAt } = sandbox.oneMsg.cap;
		sandbox.oneMsg.limit(0);
		const accepted = sandbox.oneMsg.accepted.length;
		const duplicates = accepted - new Set(sandbox.oneMsg.accepted.map((a) => a.to)).size;
		const sends = sandbox.oneMsg.sends('/sendContact').length;
		const rateLimited = sandbox.oneMsg.stats.rateLimited;
		report.push(
			`4 × 250 sends, cap 80/s each, provider 80/s: ${accepted} accepted, ${duplicates} sent twice, ${(accepted / (wallMs / 1000)).toFixed(1)} sends/s (${((accepted / (wallMs / 1000) / 80) * 100).toFixed(0)} % of the cap), ${sends} requests, ${rateLimited} × 429 (${((rateLimited / accepted) * 100).toFixed(0)} % of sends), ${sends - accepted} retries`,
		);
		// When each execution sent its first and last request, and what the provider took each second.
		const requests = sandbox.oneMsg.sends('/sendContact');
		const batchOf = (r: { body?: { phone?: string } }) =>
			Number(String(r.body?.phone).slice(-5, -3));
		const spans = [0, 1, 2, 3].map((batch) => {
			const times = requests.filter((r) => batchOf(r) === batch).map((r) => r.at - started);
			return `${(Math.min(...times) / 1000).toFixed(1)}-${(Math.max(...times) / 1000).toFixed(1)} s`;
		});
		const perSecond = (times: number[]) =>
			Array.from(
				{ length: Math.ceil(wallMs / 1000) },
				(_, second) => times.filter((t) => Math.floor((t - started) / 1000) === second).length,
			).join(' ');
		report.push(`  executions sent from-to: ${spans.join(', ')}`);
		report.push(`  accepted per second: ${perSecond(acceptedAt)}`);
		report.push(`  429s per second:     ${perSecond(refusedAt)}`);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		expect(accepted).toBe(1000);
		expect(duplicates).toBe(0);
	});

	it('Drop Duplicates with one webhook process: the same GOWA receipt posted 5 times at once', async () => {
		const statuses = await Promise.all(
			Array.from({ length: 5 }, () => postReceipt(ports.webhook, '3EB0QUEUE1')),
		);
		expect(statuses).toEqual([200, 200, 200, 200, 200]);
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const recorded = executionsFor('3EB0QUEUE1');
		report.push(
			`The same GOWA receipt posted 5 times at once, one webhook process: ${recorded} execution(s)`,
		);
		// The process remembers what it has just answered (before: 5 executions).
		expect(recorded).toBe(1);
	});

	it('Drop Duplicates with two webhook processes: the same receipt posted 3 times at once across both, three rounds', async () => {
		const rounds: number[] = [];
		for (const round of [1, 2, 3]) {
			const messageId = `3EB0QUEUE2${round}`;
			// As a load balancer may spread them: two copies to one process, one to the other.
			const copiesTo = [ports.webhook, ports.secondWebhook, ports.webhook];
			const statuses = await Promise.all(copiesTo.map((port) => postReceipt(port, messageId)));
			expect(statuses).toEqual([200, 200, 200]);
			await new Promise((resolve) => setTimeout(resolve, 5000));
			rounds.push(executionsFor(messageId));
		}
		report.push(
			`The same GOWA receipt posted 3 times at once to two webhook processes (2 + 1), three rounds: ${rounds.join(', ')} execution(s)`,
		);
		// What holds: one execution per process at most. Copies on different processes at the same
		// moment can each start one: static data is loaded per request and last write wins.
		expect(rounds.every((executions) => executions >= 1 && executions <= 2)).toBe(true);
	});
});

describe('AI agent with human hand-off in queue mode, with the scripted model', () => {
	let handoffTable: Awaited<ReturnType<typeof enableHandoff>>;
	beforeAll(async () => {
		const cookie = await n8n.signIn(mainBase, {
			email: 'owner@handoff.test',
			firstName: 'Queue',
			lastName: 'Owner',
			password: 'Queue-e2e-Passw0rd',
		});
		handoffTable = await enableHandoff(mainBase, cookie, sandbox, (paths) =>
			n8n.waitForWebhooks(ports.webhook, paths, 90_000),
		);
	}, 180_000);

	it.each<[ProviderName, string, string]>([
		['oneMsg', '254733200001', '254733200011'],
		['lipaChat', '254733200002', '254733200012'],
		['whatsAppWeb', '254733200003', '254733200013'],
	])(
		'%s: the webhook process takes the messages, the agent runs on a worker, the Data Table is shared: answer, hand-over, silence, release',
		async (provider, customer, quietCustomer) => {
			const startedBefore = startedOnWorkers();
			const loop = await handoffLoop(sandbox, handoffTable, provider, customer, quietCustomer);
			const onWorkers = startedOnWorkers() - startedBefore;
			report.push(
				`AI agent hand-off (${provider}): ${onWorkers} executions on the workers; ${loop.handedOver.length} sends to the customer at the hand-over, ${loop.toPerson.length} to the person`,
			);
			// The same exact requests as in regular mode: read receipt and typing, the answer with
			// its button, the hand-over, both sides told, silence, release. (Simple Memory is each
			// worker's own, so the model may not see the earlier question: the template's note says
			// to use Postgres or Redis Chat Memory in queue mode.)
			expectHandedOver(loop, provider, customer, quietCustomer, { remembers: false });
			// Every message (question, request, silence, release, answer…) ran on a worker.
			expect(onWorkers).toBeGreaterThanOrEqual(provider === 'lipaChat' ? 4 : 7);
		},
		180_000,
	);

	it.each<['oneMsg' | 'lipaChat', string]>([
		['oneMsg', '254733200021'],
		['lipaChat', '254733200022'],
	])(
		'%s: a tap on "Talk to a person" hands over on a worker without a model request; silence after',
		async (provider, customer) => {
			const startedBefore = startedOnWorkers();
			await buttonHandoff(sandbox, handoffTable, provider, customer);
			// The question, the tap and the silence each ran on a worker.
			expect(startedOnWorkers() - startedBefore).toBeGreaterThanOrEqual(3);
		},
		180_000,
	);
});

describe('Drop Duplicates under a burst in queue mode', () => {
	const ids = Array.from({ length: 600 }, (_, i) => `3EB0BURST${String(i).padStart(3, '0')}`);
	const gowaUrl = (port: number) =>
		`http://127.0.0.1:${port}/webhook/${demo.webhookIds.gowa}/status`;
	const urls = [gowaUrl(ports.webhook), gowaUrl(ports.secondWebhook)];
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
	const burstReceipts = () =>
		(sandbox.receipts as Array<{ status: Record<string, unknown> }>).filter((r) =>
			String(r.status.messageId).startsWith('3EB0BURST'),
		);
	/** The keys with `marker` the receipt trigger's static data holds in the database. */
	const storedKeys = (marker: string) => {
		const json = queue.query(
			`SELECT "staticData" FROM workflow_entity WHERE id = 'HandoffGowaRcpt1'`,
		);
		const node = (JSON.parse(json || '{}') as Record<string, { seenEvents?: object }>)[
			'node:GOWA Receipt'
		];
		return Object.keys(node?.seenEvents ?? {}).filter((key) => key.includes(marker)).length;
	};
	const storedBurstKeys = () => storedKeys(':3EB0BURST');

	it(
		'600 receipts and 100 repeats by 30 clients over two webhook processes: each starts once, repeats over minutes and after a restart start nothing',
		async () => {
			// 1. The burst, alternating between the processes, with 50 repeats mixed in, each 3 s
			// after its original's answer and to the other process.
			const burst = await postAll(
				burstWithRepeats(ids, (i) => urls[i % 2], {
					repeats: 50,
					afterMs: 3000,
					repeatUrl: (i) => urls[(i + 1) % 2],
				}),
				demo.gowa.webhookSecret,
				30,
			);
			const burstEnded = Date.now();
			await eventually(
				() => (executionsById(burstReceipts()).size >= 600 ? true : undefined),
				300_000,
			);
			const keysAfterBurst = storedBurstKeys();

			// 2. A minute later, after a receipt of another message on each process (a process that
			// knows keys the other's last save overwrote writes them back with its next request),
			// 25 repeats of the burst's last receipts, each to the other process. The trigger answers
			// before n8n saves, so the next receipt waits for the save (as a provider's next callback
			// comes later): the second process then loads what the first wrote back.
			await sleep(60_000 - (Date.now() - burstEnded));
			const traffic = { answers: [] as Answer[] };
			for (const [i, url] of urls.entries()) {
				const id = `3EB0TRAFFIC${i}`;
				traffic.answers.push(...(await postAll([{ id, url }], demo.gowa.webhookSecret, 1)).answers);
				await eventually(() => (storedKeys(`:${id}:`) === 1 ? true : undefined), 30_000);
			}
			const lateIds = ids.slice(-50).filter((_, i) => i % 2 === 0);
			const late = await postAll(
				lateIds.map((id): Callback => ({ id, url: urls[(ids.indexOf(id) + 1) % 2] })),
				demo.gowa.webhookSecret,
				5,
			);

			// 3. The second webhook process restarts (its memory is gone): 25 repeats from all over
			// the burst go to it.
			await queue.restartWebhook(1);
			await n8n.waitForWebhooks(ports.secondWebhook, [`${demo.webhookIds.gowa}/status`], 90_000);
			const restartedIds = ids.filter((_, i) => i % 24 === 7);
			const restarted = await postAll(
				restartedIds.map((id): Callback => ({ id, url: urls[1] })),
				demo.gowa.webhookSecret,
				5,
			);
			const minutes = ((Date.now() - burstEnded) / 60_000).toFixed(1);
			await sleep(10_000);

			const executions = executionsById(burstReceipts());
			const duplicates = [...executions.values()].reduce((sum, n) => sum + n - 1, 0);
			const lost = ids.filter((id) => !executions.has(id));
			const phaseOf = (id: string) =>
				[
					restartedIds.includes(id) && 'after the restart',
					lateIds.includes(id) && 'a minute later',
					(ids.indexOf(id) / 12) % 1 === 0 && ids.indexOf(id) / 12 < 50 && 'in the burst',
				]
					.filter(Boolean)
					.join(', ');
			const duplicated = [...executions]
				.filter(([, n]) => n > 1)
				.map(([id]) => `${id} (${phaseOf(id)})`);
			const all: Answer[] = [
				...burst.answers,
				...traffic.answers,
				...late.answers,
				...restarted.answers,
			];
			const keysAtEnd = storedBurstKeys();
			report.push(
				`Drop Duplicates, 600 GOWA receipts + 100 repeats, 30 clients, two webhook processes:`,
				`  burst (600 + 50 repeats 3 s after their original, to the other process): ${describeAnswers(burst)}`,
				`  25 repeats a minute later, to the other process: ${describeAnswers(late)}`,
				`  25 repeats to the restarted second process (${minutes} min after the burst): ${describeAnswers(restarted)}`,
				`  executions ${[...executions.values()].reduce((a, b) => a + b, 0)}, duplicates ${duplicates}, lost ${lost.length}; static data holds ${keysAfterBurst} of 600 keys after the burst, ${keysAtEnd} at the end`,
				...(duplicated.length ? [`  started twice: ${duplicated.join(', ')}`] : []),
			);
			expect(all.filter((answer) => answer.status !== 200)).toEqual([]);
			expect(lost).toEqual([]);
			// At most 1 % of the 100 repeats: copies can only slip through when a save of one process
			// briefly overwrote the other's newest keys (docs/trigger.md, Drop Duplicates).
			expect(duplicates).toBeLessThanOrEqual(1);
			expect(keysAtEnd).toBe(600);
		},
		15 * 60_000,
	);
});

/** Posts a signed GOWA delivery receipt for `messageId` to one webhook process; its HTTP status. */
async function postReceipt(port: number, messageId: string) {
	const body = JSON.stringify({
		event: 'message.ack',
		payload: {
			ids: [messageId],
			chat_id: '254722000111@s.whatsapp.net',
			receipt_type: 'delivered',
		},
	});
	const signature = `sha256=${createHmac('sha256', demo.gowa.webhookSecret).update(body).digest('hex')}`;
	const response = await fetch(`http://127.0.0.1:${port}/webhook/${demo.webhookIds.gowa}/status`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
		body,
	});
	return response.status;
}

/** How many executions recorded a receipt of `messageId` (the template's recorder). */
function executionsFor(messageId: string) {
	const receipts = sandbox.receipts as Array<{ status: Record<string, unknown> }>;
	return receipts.filter((r) => r.status.messageId === messageId).length;
}
