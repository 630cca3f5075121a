// npm run bench, part 2: the cases of cases.ts in a real n8n 2.41.1 (Node 24), the way users run
// it: one workflow per case (Webhook → Split Out → Send), started by POSTing the orders to its
// webhook, answered when the last node finishes with all its items. CPU and memory are the n8n
// process's, read from /proc; the simulator runs in its own process.
import * as fs from 'fs';
import * as path from 'path';

import * as n8n from '../e2e/n8n';
import {
	itemsPerSecond,
	N,
	N_CPU,
	orders,
	ratio,
	report,
	table,
	TOKEN,
	variants,
	type Row,
	type Runner,
	type Variant,
} from './cases';
import { startSim } from './simProcess';

const PORT = 5690;
const FRESH_WARM_UP = 2000;
/** Rounds of ours against the floor; BENCH_AA=1 puts the floor in ours's place, to show the noise. */
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 5);
const oursOrFloor = () => (process.env.BENCH_AA ? floor : variants.oursOpen);
const credentialIds = { oneMsg: 'benchOneMsgCred1', headerAuth: 'benchHeaderAuth1' };
const cache = path.join(n8n.root, '.cache');
const userFolder = path.join(cache, 'bench-user');

let sim: Awaited<ReturnType<typeof startSim>>;
let server: Awaited<ReturnType<typeof n8n.startN8n>>;

const webhookPath = (variant: Variant) => `bench-${variant.id}`;

/**
 * The floor (bench/floor, never shipped): a node that reads the credentials once and calls n8n's
 * request helper once per item with our options and concurrency, and does nothing else.
 */
const floor: Variant = {
	id: 'floor',
	send: (simUrl, ids) => ({
		type: 'n8n-nodes-bench-floor.benchFloor',
		typeVersion: 1,
		credentials: { oneMsgApi: { id: ids.oneMsg, name: 'bench 1MSG' } },
		parameters: { url: `${simUrl}/1/sendContact`, concurrency: 32 },
	}),
};
const measured = [...Object.values(variants), floor];

function workflowFor(variant: Variant) {
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id: `bench${variant.id.replace(/-/g, '')}`.slice(0, 16).padEnd(16, '0'),
		name: `Benchmark ${variant.id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Orders',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `bench-${variant.id}`,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath(variant),
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: 'split',
				name: 'One Item Per Order',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.orders', include: 'noOtherFields', options: {} },
			},
			{
				id: 'send',
				name: 'Send',
				position: [400, 0],
				...variant.send(sim.url, credentialIds),
			},
		],
		connections: { Orders: link('One Item Per Order'), 'One Item Per Order': link('Send') },
	};
}

/** utime + stime of the n8n process in ms, and its resident memory in MB. */
function processUsage(pid: number) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return { cpuMs: ticks * 10, rssMb: rssKb / 1024 };
}

async function post(variant: Variant, n: number) {
	const response = await fetch(`http://127.0.0.1:${PORT}/webhook/${webhookPath(variant)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ orders: orders(n) }),
	});
	const body = (await response.json()) as unknown;
	return { status: response.status, body };
}

async function startServer() {
	await server?.stop();
	// Successful executions are not saved, as is usual for high-volume workflows: what is
	// measured is the workflow, not n8n writing thousands of items to its database.
	server = await n8n.startN8n(userFolder, PORT, {
		env: {
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			N8N_PAYLOAD_SIZE_MAX: '64',
			// e.g. BENCH_N8N_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles n8n itself.
			...(process.env.BENCH_N8N_NODE_OPTIONS && {
				NODE_OPTIONS: process.env.BENCH_N8N_NODE_OPTIONS,
			}),
		},
	});
	await n8n.waitForWebhooks(
		PORT,
		measured.map((variant) => webhookPath(variant)),
	);
}

beforeAll(async () => {
	n8n.ensureRuntime();
	n8n.prepareUserFolder(
		userFolder,
		n8n.packPackage(cache),
		n8n.packPackage(cache, path.join(__dirname, 'floor')),
	);
	sim = await startSim();
	const workflowsDir = path.join(userFolder, 'bench-workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	for (const variant of measured) {
		const file = path.join(workflowsDir, `${variant.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflowFor(variant)));
	}
	n8n.importTemplates(
		userFolder,
		PORT,
		[
			{
				id: credentialIds.oneMsg,
				name: 'bench 1MSG',
				type: 'oneMsgApi',
				data: { token: TOKEN, channelId: '1', baseUrl: sim.url },
			},
			{
				id: credentialIds.headerAuth,
				name: 'bench Header Auth',
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `Bearer ${TOKEN}` },
			},
		],
		workflowsDir,
	);
	await startServer();
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	sim?.stop();
});

const runner: Runner = {
	title: 'a real n8n 2.41.1 on Node 24 (workflow started by its webhook)',
	memory: 'memory = peak RSS growth of the n8n process, a fresh n8n for each case',
	async warmUp(variant) {
		await sim.prepare({ latencyMs: 0, limit: 0 });
		await post(variant, 300);
	},
	async measure(name, variant, items, config, fresh) {
		if (fresh) {
			await startServer();
			// Long enough for V8 to finish compiling the hot code before the measured run: its
			// compiler threads count in the process's CPU time.
			await sim.prepare({ latencyMs: 0, limit: 0 });
			await post(variant, FRESH_WARM_UP);
		}
		await sim.prepare(config);
		const pid = server.child.pid!;
		const before = processUsage(pid);
		let rssPeak = before.rssMb;
		const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processUsage(pid).rssMb)), 10);
		const started = performance.now();
		const answer = await post(variant, items);
		const wallMs = performance.now() - started;
		clearInterval(sampler);
		const after = processUsage(pid);
		const stats = await sim.stats();
		const outputs = Array.isArray(answer.body) ? (answer.body as Array<{ error?: unknown }>) : [];
		const failed =
			answer.status === 200
				? ''
				: String((answer.body as { message?: unknown })?.message ?? answer.status).slice(0, 40);
		return {
			name,
			items,
			wallMs,
			cpuMsPerItem: (after.cpuMs - before.cpuMs) / items,
			memoryGrowthMb: rssPeak - before.rssMb,
			ok: outputs.filter((item) => item.error === undefined).length,
			accepted: stats.accepted,
			duplicates: stats.duplicates,
			rateLimited: stats.rateLimited,
			maxConnections: stats.maxOpenConnections,
			failed,
		};
	},
};

it('prints the benchmark in a real n8n', async () => {
	process.stdout.write(await report(runner, sim));
});

it("prints ours against the floor: the same sends through n8n's request helper and nothing else", async () => {
	await runner.warmUp(floor);
	const open = { latencyMs: 50, limit: 0 };
	const fast = { latencyMs: 0, limit: 0 };
	/**
	 * Rounds taking turns: ours first in odd rounds, the floor first in even ones, so neither
	 * always gets the warmer process, the quieter moment or the other's garbage.
	 */
	async function rounds(measure: (variant: Variant, label: string) => Promise<Row>) {
		const all: Row[][] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			const ours = () => measure(oursOrFloor(), `ours (concurrency 32, no cap), round ${round}`);
			const theFloor = () => measure(floor, `floor (concurrency 32), round ${round}`);
			if (round % 2 === 1) {
				const a = await ours();
				all.push([a, await theFloor()]);
			} else {
				const b = await theFloor();
				all.push([await ours(), b]);
			}
		}
		return all;
	}
	const connectionRounds = await rounds((variant, label) =>
		runner.measure(label, variant, N, open),
	);
	const median = (rows: Row[]) =>
		[...rows].sort((a, b) => itemsPerSecond(a) - itemsPerSecond(b))[Math.floor(rows.length / 2)];
	const connections = [
		median(connectionRounds.map((r) => r[0])),
		median(connectionRounds.map((r) => r[1])),
	];
	// CPU and memory per item, the same way, each run in a fresh n8n, the medians counting (one
	// run each varied by ±20 % on this shared machine).
	const cpuRounds = await rounds((variant, label) =>
		runner.measure(label, variant, N_CPU, fast, true),
	);
	const medianOf = (rows: Row[], key: 'cpuMsPerItem' | 'memoryGrowthMb') =>
		[...rows].sort((a, b) => a[key] - b[key])[Math.floor(rows.length / 2)][key];
	const cpu = cpuRounds.flat();
	const ours = {
		cpuMsPerItem: medianOf(
			cpuRounds.map((r) => r[0]),
			'cpuMsPerItem',
		),
		memoryGrowthMb: medianOf(
			cpuRounds.map((r) => r[0]),
			'memoryGrowthMb',
		),
	};
	const theFloor = {
		cpuMsPerItem: medianOf(
			cpuRounds.map((r) => r[1]),
			'cpuMsPerItem',
		),
		memoryGrowthMb: medianOf(
			cpuRounds.map((r) => r[1]),
			'memoryGrowthMb',
		),
		accepted: cpuRounds.every((r) => r[1].accepted === N_CPU) ? N_CPU : 0,
	};
	process.stdout.write(
		[
			table(
				`The floor: ${N} items, 50 ms latency, no cap (${ROUNDS} rounds each)`,
				connectionRounds.flat(),
			),
			table(
				`The floor: ${N_CPU} items, 0 ms latency, ${ROUNDS} rounds each (${runner.memory})`,
				cpu,
			),
			`ours / floor (medians): items/s ${ratio(itemsPerSecond(connections[0]), itemsPerSecond(connections[1]))}, CPU per item ${ratio(ours.cpuMsPerItem, theFloor.cpuMsPerItem)}, memory growth ${ratio(ours.memoryGrowthMb, theFloor.memoryGrowthMb)}`,
		].join('\n') + '\n',
	);
	expect(connections[1].accepted).toBe(N);
	expect(theFloor.accepted).toBe(N_CPU);
});
