// npm run bench, part 3: the WhatsApp Trigger under a burst of callbacks in a real n8n 2.41.1
// (regular mode), against its floor: n8n's own Webhook node taking the same signed bodies in the
// same workflow (Set → HTTP Request to a recorder). Both get 600 GOWA receipts and 100 repeats
// (each right after its original's answer) from 30 clients; the trigger drops the repeats.
import * as fs from 'fs';
import * as path from 'path';

import {
	burstWithRepeats,
	describeAnswers,
	percentile,
	postAll,
	storedReceiptKeys,
} from '../e2e/burst';
import * as n8n from '../e2e/n8n';
import { demo, demoCredentials, startSandbox } from '../e2e/sandbox';

const PORT = 5691;
const base = `http://127.0.0.1:${PORT}`;
const cache = path.join(n8n.root, '.cache');
const userFolder = path.join(cache, 'bench-trigger-user');
const floorPath = 'bench-webhook-floor';
const keepAllId = 'bench-trigger-keep-all';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let server: Awaited<ReturnType<typeof n8n.startN8n>>;

/**
 * The receipts template; the same with Drop Duplicates off (what the rest of the trigger costs);
 * and with n8n's Webhook node in the trigger's place (the floor).
 */
function workflows() {
	const template = JSON.parse(
		fs.readFileSync(path.join(n8n.root, 'workflows', 'delivery-receipts-gowa.json'), 'utf8'),
	);
	const trigger = template.nodes.find((node: { type: string }) =>
		node.type.endsWith('.whatsAppStatusTrigger'),
	);
	const floor = {
		...template,
		id: 'BenchWebhookFlr1',
		name: 'Benchmark floor: Webhook node',
		nodes: template.nodes.map((node: { name: string }) =>
			node === trigger
				? {
						...trigger,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						webhookId: floorPath,
						credentials: undefined,
						parameters: {
							httpMethod: 'POST',
							path: floorPath,
							responseMode: 'onReceived',
							options: {},
						},
					}
				: node,
		),
	};
	const keepAll = {
		...template,
		id: 'BenchTrigKeepAl1',
		name: 'Benchmark: trigger without Drop Duplicates',
		nodes: template.nodes.map((node: { name: string }) =>
			node === trigger
				? {
						...trigger,
						webhookId: keepAllId,
						parameters: { ...trigger.parameters, options: { dropDuplicates: false } },
					}
				: node,
		),
	};
	return [template, floor, keepAll];
}

beforeAll(async () => {
	n8n.ensureRuntime();
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache));
	sandbox = await startSandbox({ n8nUrl: base });
	const dir = path.join(userFolder, 'bench-trigger-workflows');
	fs.mkdirSync(dir, { recursive: true });
	workflows().forEach((workflow, i) =>
		fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(workflow)),
	);
	n8n.importTemplates(userFolder, PORT, demoCredentials(), dir);
	server = await n8n.startN8n(userFolder, PORT, {
		env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
	});
	await n8n.waitForWebhooks(PORT, [
		floorPath,
		`${demo.webhookIds.gowa}/status`,
		`${keepAllId}/status`,
	]);
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
});

async function burst(url: string, prefix: string) {
	const ids = Array.from({ length: 600 }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
	const result = await postAll(
		burstWithRepeats(ids, () => url, { repeats: 100, afterMs: 0, repeatUrl: () => url }),
		demo.gowa.webhookSecret,
		30,
	);
	return { ...result, ids };
}

/** The message ids the workflows recorded that start with `prefix` (the floor records the whole webhook item). */
function recorded(prefix: string): string[] {
	const receipts = sandbox.receipts as Array<{
		status: { messageId?: string; body?: { payload?: { ids?: string[] } } };
	}>;
	return receipts
		.map((r) => r.status.messageId ?? r.status.body?.payload?.ids?.[0] ?? '')
		.filter((id) => id.startsWith(prefix));
}

/** Waits until a burst's executions have all recorded (or 5 minutes); how many and how long. */
async function executionsOf(prefix: string, expected: number) {
	const started = Date.now();
	while (recorded(prefix).length < expected && Date.now() - started < 300_000) {
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	// Anything late or doubled would show within a few more seconds.
	await new Promise((resolve) => setTimeout(resolve, 3000));
	return {
		ids: recorded(prefix),
		text: `${recorded(prefix).length} executions (all recorded ${seconds} s after the last answer)`,
	};
}

it('trigger row: the WhatsApp Trigger with Drop Duplicates against n8n’s Webhook node, 600 + 100 repeats, 30 clients', async () => {
	const floor = await burst(`${base}/webhook/${floorPath}`, '3EB0FLOOR');
	const floorRuns = await executionsOf('3EB0FLOOR', 700);
	const keepAll = await burst(`${base}/webhook/${keepAllId}/status`, '3EB0KEEP');
	const keepAllRuns = await executionsOf('3EB0KEEP', 700);
	const ours = await burst(`${base}/webhook/${demo.webhookIds.gowa}/status`, '3EB0TRIG');
	const ourRuns = await executionsOf('3EB0TRIG', 600);
	const executions = new Map<string, number>();
	for (const id of ourRuns.ids) executions.set(id, (executions.get(id) ?? 0) + 1);
	const duplicates = [...executions.values()].reduce((sum, n) => sum + n - 1, 0);
	const cookie = await n8n.signIn(base, {
		email: 'bench@example.com',
		firstName: 'Bench',
		lastName: 'Owner',
		password: 'Bench-Passw0rd',
	});
	const stored = await storedReceiptKeys(base, cookie, ':3EB0TRIG');

	const rate = (r: typeof ours) => r.answers.length / (r.wallMs / 1000);
	const p = (r: typeof ours, q: number) =>
		percentile(
			r.answers.map((a) => a.ms),
			q,
		);
	process.stdout.write(
		[
			'',
			'Trigger under a burst (real n8n 2.41.1, regular mode, 600 GOWA receipts + 100 repeats, 30 clients):',
			`  WhatsApp Trigger, Drop Duplicates: ${describeAnswers(ours)}; ${ourRuns.text}, ${duplicates} duplicates, static data holds ${stored.length} of 600 keys`,
			`  WhatsApp Trigger, keeping repeats: ${describeAnswers(keepAll)}; ${keepAllRuns.text}`,
			`  n8n Webhook node (the floor):      ${describeAnswers(floor)}; ${floorRuns.text}`,
			`  keeping repeats / floor: posts/s ${(rate(keepAll) / rate(floor)).toFixed(2)}, p50 ${(p(keepAll, 50) / p(floor, 50)).toFixed(2)}, p99 ${(p(keepAll, 99) / p(floor, 99)).toFixed(2)}`,
			`  trigger / floor: posts/s ${(rate(ours) / rate(floor)).toFixed(2)}, p50 ${(p(ours, 50) / p(floor, 50)).toFixed(2)}, p99 ${(p(ours, 99) / p(floor, 99)).toFixed(2)}`,
			'',
		].join('\n'),
	);
	expect(ours.answers.every((a) => a.status === 200)).toBe(true);
	expect(floor.answers.every((a) => a.status === 200)).toBe(true);
	expect(duplicates).toBe(0);
	expect(executions.size).toBe(600);
});
