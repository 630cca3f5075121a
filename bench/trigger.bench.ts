// npm run bench, part 3: the WhatsApp Trigger under a burst of callbacks in a real n8n 2.41.1
// (regular mode), against its floor: n8n's own Webhook node taking the same signed bodies in the
// same workflow (Set → HTTP Request to a recorder). Both get 600 GOWA receipts and 100 repeats
// (each right after its original's answer) from 30 clients; the trigger drops the repeats.
// Rounds alternate (floor, trigger), three each, medians; once in n8n's default settings and
// once with lazy isolate acquisition: n8n 2.41 takes an expression isolate for the webhook
// phase of every start node but its own Webhook node (live-webhooks.js,
// webhookPhaseNeedsIsolate), from a pool of one, cold-starting one when it is taken.
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

/** n8n's settings the rounds run under: its defaults, and lazy isolate acquisition. */
const configs: Array<{ name: string; env: Record<string, string> }> = [
	{ name: "n8n's defaults", env: {} },
	{
		name: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
];
const rounds = Number(process.env.BENCH_TRIGGER_ROUNDS ?? 3);

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
}, 15 * 60_000);

async function startServer(env: Record<string, string>) {
	await server?.stop();
	server = await n8n.startN8n(userFolder, PORT, {
		env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', ...env },
	});
	await n8n.waitForWebhooks(PORT, [
		floorPath,
		`${demo.webhookIds.gowa}/status`,
		`${keepAllId}/status`,
	]);
}

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

type Burst = Awaited<ReturnType<typeof burst>>;
const rate = (r: Burst) => r.answers.length / (r.wallMs / 1000);
const p = (r: Burst, q: number) =>
	percentile(
		r.answers.map((a) => a.ms),
		q,
	);
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

it(
	'trigger row: the WhatsApp Handoff Trigger with Drop Duplicates against n8n’s Webhook node, 600 + 100 repeats, 30 clients, alternating rounds',
	async () => {
		const lines = [
			'',
			`Trigger under a burst (real n8n 2.41.1, regular mode, 600 GOWA receipts + 100 repeats, 30 clients; ${rounds} alternating rounds each, medians):`,
		];
		for (const [c, config] of configs.entries()) {
			await startServer(config.env);
			lines.push(`  ${config.name}:`);
			const pairs: Array<{ floor: Burst; ours: Burst }> = [];
			for (let round = 1; round <= rounds; round++) {
				// Alternating, so neither gets the warmer process or the quieter moment.
				const floorPrefix = `3EB0F${c}${round}`;
				const floor = await burst(`${base}/webhook/${floorPath}`, floorPrefix);
				const floorRuns = await executionsOf(floorPrefix, 700);
				const oursPrefix = `3EB0T${c}${round}`;
				const ours = await burst(`${base}/webhook/${demo.webhookIds.gowa}/status`, oursPrefix);
				const ourRuns = await executionsOf(oursPrefix, 600);
				const executions = new Map<string, number>();
				for (const id of ourRuns.ids) executions.set(id, (executions.get(id) ?? 0) + 1);
				const duplicates = [...executions.values()].reduce((sum, n) => sum + n - 1, 0);
				lines.push(
					`    round ${round}, n8n Webhook node (the floor): ${describeAnswers(floor)}; ${floorRuns.text}`,
					`    round ${round}, WhatsApp Handoff Trigger, Drop Duplicates: ${describeAnswers(ours)}; ${ourRuns.text}, ${duplicates} duplicates`,
				);
				expect(ours.answers.every((a) => a.status === 200)).toBe(true);
				expect(floor.answers.every((a) => a.status === 200)).toBe(true);
				expect(duplicates).toBe(0);
				expect(executions.size).toBe(600);
				pairs.push({ floor, ours });
			}
			const ratio = (of: (r: Burst) => number) =>
				(median(pairs.map((x) => of(x.ours))) / median(pairs.map((x) => of(x.floor)))).toFixed(2);
			lines.push(
				`    trigger / floor (medians): posts/s ${ratio(rate)}, p50 ${ratio((r) => p(r, 50))}, p99 ${ratio((r) => p(r, 99))}`,
			);
			if (c === 0) {
				const keepAll = await burst(`${base}/webhook/${keepAllId}/status`, '3EB0KEEP');
				const keepAllRuns = await executionsOf('3EB0KEEP', 700);
				lines.push(
					`    WhatsApp Handoff Trigger keeping repeats (once): ${describeAnswers(keepAll)}; ${keepAllRuns.text}; posts/s ${(rate(keepAll) / median(pairs.map((x) => rate(x.floor)))).toFixed(2)} × the floor's median`,
				);
				const cookie = await n8n.signIn(base, {
					email: 'bench@example.com',
					firstName: 'Bench',
					lastName: 'Owner',
					password: 'Bench-Passw0rd',
				});
				const stored = await storedReceiptKeys(base, cookie, `:3EB0T0${rounds}`);
				lines.push(`    static data holds ${stored.length} of the last round's 600 keys`);
			}
		}
		process.stdout.write([...lines, ''].join('\n'));
	},
	60 * 60_000,
);
