// The benchmark's cases, table and ratios, written once for both runners: n8n's engine in this
// process (engine.bench.ts) and a real n8n 2.41.1 (n8n.bench.ts).
import * as os from 'os';

import type { INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE } from '../test/engine/workflows';
import { whileCoresBusy } from './busyCores';
import { plainClientWallMs } from './plainClient';

export const TOKEN = 'bench-token';
export const N = Number(process.env.BENCH_ITEMS ?? 1000);
export const N_CPU = Number(process.env.BENCH_CPU_ITEMS ?? 10000);

/** One order per item, each to its own customer, so a repeated recipient is a message sent twice. */
export const orders = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		customerPhone: `+4479111${String(i % 100000).padStart(5, '0')}`,
	}));

/** The Send node of one case: our 1MSG node, or n8n's HTTP Request node set up for 1MSG. */
export type SendNode = Pick<INode, 'type' | 'typeVersion' | 'parameters'> &
	Partial<Pick<INode, 'credentials' | 'onError'>>;

export interface Variant {
	id: string;
	send(simUrl: string, credentialIds: { oneMsg: string; headerAuth: string }): SendNode;
}

const courierCard = {
	contact: [
		{
			formattedName: 'Courier',
			firstName: 'Courier',
			phones: { phone: [{ number: '+447911123456', type: 'CELL', onWhatsApp: false }] },
		},
	],
};

const ours = (id: string, options: INodeParameters): Variant => ({
	id,
	send: (_simUrl, ids) => ({
		type: `${PACKAGE}.oneMsg`,
		typeVersion: 1,
		onError: 'continueRegularOutput',
		credentials: { oneMsgApi: { id: ids.oneMsg, name: 'bench 1MSG' } },
		parameters: {
			operation: 'sendContact',
			recipient: '={{ $json.customerPhone }}',
			contacts: courierCard,
			options,
		},
	}),
});

/** The body our node sends to 1MSG for one order. */
const courierBody = (phone: string) =>
	`{"phone": "${phone}", "contacts": [{"name": {"formatted_name": "Courier", "first_name": "Courier"}, "phones": [{"phone": "+447911123456", "type": "CELL"}]}]}`;

// The same body built by an expression, the way HTTP Request users write it.
const jsonBody = `=${courierBody('{{ $json.customerPhone.slice(1) }}')}`;

/**
 * n8n's HTTP Request node at its default version, as people set it up for 1MSG: the token
 * typed into a header, or (as n8n recommends) in a Header Auth credential.
 */
const httpRequest = (
	id: string,
	{ batching, headerAuth }: { batching?: INodeParameters; headerAuth?: boolean },
): Variant => ({
	id,
	send: (simUrl, ids) => ({
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		...(headerAuth && {
			credentials: { httpHeaderAuth: { id: ids.headerAuth, name: 'bench Header Auth' } },
		}),
		parameters: {
			method: 'POST',
			url: `${simUrl}/1/sendContact`,
			...(headerAuth
				? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' }
				: {
						sendHeaders: true,
						headerParameters: {
							parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }],
						},
					}),
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: batching ? { batching: { batch: batching } } : {},
		},
	}),
});

export const variants = {
	oursCapped: ours('ours-capped', { maxPerSecond: 80 }),
	oursOpen: ours('ours-open', { concurrency: 32, maxPerSecond: 0 }),
	oursWide: ours('ours-wide', { concurrency: 64, maxPerSecond: 0 }),
	httpHeader: httpRequest('http-header', {}),
	httpHeaderAuth: httpRequest('http-header-auth', { headerAuth: true }),
	httpBatching: httpRequest('http-batching', { batching: { batchSize: 80, batchInterval: 1000 } }),
};

/** What the simulator is told before a run. */
export interface SimConfig {
	latencyMs: number;
	limit: number;
}

/** The simulator process both runners send to (simProcess.ts). */
export interface BenchSim {
	url: string;
	prepare(config: SimConfig): Promise<void>;
	stats(): Promise<{ accepted: number; maxOpenConnections: number }>;
}

export interface Row {
	name: string;
	items: number;
	wallMs: number;
	cpuMsPerItem: number;
	/** Peak memory growth during the run, as the runner measures it (see Runner.memory) */
	memoryGrowthMb: number;
	ok: number;
	accepted: number;
	duplicates: number;
	rateLimited: number;
	maxConnections: number;
	failed: string;
}

/** One runner: runs `variant` with `items` orders against the simulator set to `sim`. */
export interface Runner {
	title: string;
	/** What "memory growth" means for this runner */
	memory: string;
	warmUp(variant: Variant): Promise<void>;
	/**
	 * `fresh`: the case must not inherit memory another case grew, so where it can the runner
	 * starts it in a new process (warmed up for its variant).
	 */
	measure(
		name: string,
		variant: Variant,
		items: number,
		sim: SimConfig,
		fresh?: boolean,
	): Promise<Row>;
}

export function table(title: string, rows: Row[], cap?: number) {
	const lines = [
		`\n### ${title}\n`,
		'| run | items/s | wall s | CPU ms/item | memory growth MB | ok items | accepted | sent twice | 429s | max connections | workflow error |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of rows) {
		const rate = (r.accepted / r.wallMs) * 1000;
		const ofCap = cap ? ` (${((rate / cap) * 100).toFixed(0)} % of cap)` : '';
		lines.push(
			`| ${r.name} | ${rate.toFixed(1)}${ofCap} | ${(r.wallMs / 1000).toFixed(2)} | ${r.cpuMsPerItem.toFixed(3)} | ${r.memoryGrowthMb.toFixed(1)} | ${r.ok} | ${r.accepted} | ${r.duplicates} | ${r.rateLimited} | ${r.maxConnections} | ${r.failed} |`,
		);
	}
	// A blank line ends the table, so the ratio lines after it are not read as rows.
	return lines.join('\n') + '\n';
}

export const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
export const itemsPerSecond = (r: Row) => r.accepted / r.wallMs;

/**
 * What `connections` can carry against the simulator at `config`, sent without n8n by a plain
 * Node.js client: new connection per request (as n8n's helper) and keep-alive.
 */
async function plainClientLine(sim: BenchSim, connections: number, config: SimConfig) {
	const bodies = orders(N).map((order) => courierBody(order.customerPhone.slice(1)));
	const url = `${sim.url}/1/sendContact`;
	const headers = { authorization: `Bearer ${TOKEN}` };
	const rates: string[] = [];
	for (const keepAlive of [false, true]) {
		await sim.prepare({ latencyMs: 0, limit: 0 });
		await plainClientWallMs(url, bodies.slice(0, 300), headers, connections, keepAlive);
		await sim.prepare(config);
		const wallMs = await plainClientWallMs(url, bodies, headers, connections, keepAlive);
		const stats = await sim.stats();
		rates.push(
			`${((stats.accepted / wallMs) * 1000).toFixed(1)}/s ${keepAlive ? 'reusing its connections' : 'with a new connection per request, as n8n does'} (${stats.accepted} accepted, at most ${stats.maxOpenConnections} connections)`,
		);
	}
	// In rounds of `connections` requests of exactly the latency, the last round partly empty.
	const ceiling = N / (Math.ceil(N / connections) * (config.latencyMs / 1000));
	return `Without n8n: a plain Node.js http client in the benchmark process, ${connections} requests at a time, the same ${N} requests to the same simulator: ${rates.join('; ')}. At exactly ${config.latencyMs} ms each, ${connections} connections carry ${N} requests at ${ceiling.toFixed(0)}/s at most.`;
}

/** Runs every case through `runner` and returns the printed report. */
export async function report(runner: Runner, sim: BenchSim): Promise<string> {
	const out: string[] = [
		`## ${runner.title}: ${new Date().toISOString()}, benchmark process on Node ${process.version}`,
	];
	for (const variant of Object.values(variants)) await runner.warmUp(variant);

	const capped = { latencyMs: 50, limit: 80 };
	const a = [
		await runner.measure('ours (1MSG node, cap 80/s)', variants.oursCapped, N, capped),
		await whileCoresBusy(() =>
			runner.measure(
				`ours (cap 80/s), ${os.cpus().length} other processes keeping every core busy`,
				variants.oursCapped,
				N,
				capped,
			),
		),
		await runner.measure('HTTP Request 4.5, default', variants.httpHeader, N, capped),
		await runner.measure('HTTP Request 4.5, batching 80/1000 ms', variants.httpBatching, N, capped),
	];
	out.push(
		table(
			`${N} items, 50 ms latency, server cap 80 msg/s (a sliding 1 s window, counted on arrival)`,
			a,
			80,
		),
	);
	out.push(
		`ours / HTTP Request batching, items/s: ${ratio(itemsPerSecond(a[0]), itemsPerSecond(a[3]))}`,
	);

	const open = { latencyMs: 50, limit: 0 };
	const b = [
		await runner.measure('ours (concurrency 32, no cap)', variants.oursOpen, N, open),
		await runner.measure('ours (concurrency 64, the most it allows)', variants.oursWide, N, open),
		await runner.measure('HTTP Request 4.5, token in a header', variants.httpHeader, N, open),
		await runner.measure(
			'HTTP Request 4.5, Header Auth credential',
			variants.httpHeaderAuth,
			N,
			open,
		),
	];
	out.push(table(`${N} items, 50 ms latency, no cap`, b));
	out.push(
		`ours at concurrency 32 / HTTP Request, items/s: ${ratio(itemsPerSecond(b[0]), itemsPerSecond(b[2]))} (token in a header), ${ratio(itemsPerSecond(b[0]), itemsPerSecond(b[3]))} (Header Auth); connections: ${b[0].maxConnections} vs ${b[2].maxConnections}`,
	);
	out.push(await plainClientLine(sim, 32, open));

	const fast = { latencyMs: 0, limit: 0 };
	const c = [
		await runner.measure('ours (concurrency 32, no cap)', variants.oursOpen, N_CPU, fast, true),
		await runner.measure(
			'HTTP Request 4.5, token in a header',
			variants.httpHeader,
			N_CPU,
			fast,
			true,
		),
		await runner.measure(
			'HTTP Request 4.5, Header Auth credential',
			variants.httpHeaderAuth,
			N_CPU,
			fast,
			true,
		),
	];
	out.push(
		table(`${N_CPU} items, 0 ms latency (CPU of the process running n8n; ${runner.memory})`, c),
	);
	for (const [k, label] of [
		[1, 'token in a header'],
		[2, 'Header Auth credential'],
	] as const) {
		out.push(
			`ours / HTTP Request (${label}): CPU per item ${ratio(c[0].cpuMsPerItem, c[k].cpuMsPerItem)}, memory growth ${ratio(c[0].memoryGrowthMb, c[k].memoryGrowthMb)}`,
		);
	}
	return out.join('\n') + '\n';
}
