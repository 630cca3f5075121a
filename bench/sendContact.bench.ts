// npm run bench: the same workflow of N items through our 1MSG node and through n8n's HTTP
// Request node, against the same 1MSG simulator running in its own process (so its CPU is not
// counted), with a fixed latency and, where said, a server-side cap. Prints a table and ratios.
import { fork, type ChildProcess } from 'child_process';
import * as path from 'path';

import { Engine, type RunResult } from '../test/engine/engine';
import { orderWorkflow } from '../test/engine/workflows';

const N = Number(process.env.BENCH_ITEMS ?? 1000);
const N_CPU = Number(process.env.BENCH_CPU_ITEMS ?? 10000);
const TOKEN = 'bench-token';
const body = {
	phone: '{{PHONE}}',
	contacts: [
		{
			name: { formatted_name: 'Courier', first_name: 'Courier' },
			phones: [{ phone: '+447911123456', type: 'CELL' }],
		},
	],
};

let sim: ChildProcess;
let simUrl = '';
let engine: Engine;

async function control(action: string, config?: object) {
	const response = await fetch(`${simUrl}/__sim/${action}`, {
		method: config || action === 'reset' ? 'POST' : 'GET',
		headers: { 'content-type': 'application/json' },
		body: config ? JSON.stringify(config) : undefined,
	});
	return (await response.json()) as {
		accepted: number;
		rateLimited: number;
		maxOpenConnections: number;
	};
}

const orders = (n: number) =>
	Array.from({ length: n }, (_, i) => ({
		customerPhone: `+4479111${String(i % 100000).padStart(5, '0')}`,
	}));

function oursWorkflow(n: number, options: object) {
	return orderWorkflow(orders(n), {
		type: 'oneMsg',
		credentialType: 'oneMsgApi',
		continueOnFail: true,
		parameters: {
			operation: 'sendContact',
			recipient: '={{ $json.customerPhone }}',
			contacts: {
				contact: [
					{
						formattedName: 'Courier',
						firstName: 'Courier',
						phones: { phone: [{ number: '+447911123456', type: 'CELL', onWhatsApp: false }] },
					},
				],
			},
			options: options as never,
		},
	});
}

function httpRequestWorkflow(n: number, batching?: { batchSize: number; batchInterval: number }) {
	const workflow = oursWorkflow(n, {});
	const send = workflow.nodes.find((node) => node.name === 'Send')!;
	send.type = 'n8n-nodes-base.httpRequest';
	send.typeVersion = 4.2;
	delete send.credentials;
	delete send.onError;
	send.parameters = {
		method: 'POST',
		url: `${simUrl}/1/sendContact`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `=${JSON.stringify(body).replace('"{{PHONE}}"', '"{{ $json.customerPhone.slice(1) }}"')}`,
		options: batching ? { batching: { batch: batching } } : {},
	};
	return workflow;
}

interface Row {
	name: string;
	items: number;
	wallMs: number;
	cpuMsPerItem: number;
	rssGrowthMb: number;
	ok: number;
	accepted: number;
	rateLimited: number;
	maxConnections: number;
	failed: string;
}

async function measure(
	name: string,
	items: number,
	workflow: ReturnType<typeof oursWorkflow>,
	config: object,
): Promise<Row> {
	await control('reset');
	await control('config', config);
	(global as { gc?: () => void }).gc?.();
	const rssBefore = process.memoryUsage().rss;
	let rssPeak = rssBefore;
	const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const result: RunResult = await engine.run(workflow, {
		oneMsgApi: { token: TOKEN, channelId: '1', baseUrl: simUrl },
	});
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	const stats = await control('stats');
	let ok = 0;
	try {
		ok = result.items('Send').filter((item) => item.json.error === undefined && !item.error).length;
	} catch {
		ok = 0;
	}
	return {
		name,
		items,
		wallMs,
		cpuMsPerItem: (cpu.user + cpu.system) / 1000 / items,
		rssGrowthMb: (rssPeak - rssBefore) / 1024 / 1024,
		ok,
		accepted: stats.accepted,
		rateLimited: stats.rateLimited,
		maxConnections: stats.maxOpenConnections,
		failed: result.error ? result.error.message.slice(0, 40) : '',
	};
}

function table(title: string, rows: Row[], cap?: number) {
	const lines = [
		`\n### ${title}\n`,
		'| run | items/s | wall s | CPU ms/item | peak RSS growth MB | ok items | accepted | 429s | max connections | workflow error |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of rows) {
		const rate = (r.accepted / r.wallMs) * 1000;
		const ofCap = cap ? ` (${((rate / cap) * 100).toFixed(0)} % of cap)` : '';
		lines.push(
			`| ${r.name} | ${rate.toFixed(1)}${ofCap} | ${(r.wallMs / 1000).toFixed(2)} | ${r.cpuMsPerItem.toFixed(3)} | ${r.rssGrowthMb.toFixed(1)} | ${r.ok} | ${r.accepted} | ${r.rateLimited} | ${r.maxConnections} | ${r.failed} |`,
		);
	}
	return lines.join('\n');
}

const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));

beforeAll(async () => {
	engine = await Engine.load();
	sim = fork(path.join(__dirname, '../test/sandbox/serve.js'), ['oneMsg', '0', TOKEN], {
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	simUrl = await new Promise<string>((resolve) =>
		sim.once('message', (url) => resolve(String(url))),
	);
});
afterAll(() => sim.kill());

it('prints the benchmark', async () => {
	const out: string[] = [`Benchmark, ${new Date().toISOString()}, Node ${process.version}`];

	const capped = { latencyMs: 50, limit: 80, chaos: {} };
	const a = [
		await measure('ours (1MSG node, cap 80/s)', N, oursWorkflow(N, { maxPerSecond: 80 }), capped),
		await measure('HTTP Request 4.2, default', N, httpRequestWorkflow(N), capped),
		await measure(
			'HTTP Request 4.2, batching 80/1000 ms',
			N,
			httpRequestWorkflow(N, { batchSize: 80, batchInterval: 1000 }),
			capped,
		),
	];
	out.push(table(`${N} items, 50 ms latency, server cap 80 msg/s`, a, 80));
	out.push(
		`ours / HTTP Request batching, items/s: ${ratio(a[0].accepted / a[0].wallMs, a[2].accepted / a[2].wallMs)}`,
	);

	const open = { latencyMs: 50, limit: 0, chaos: {} };
	const b = [
		await measure(
			'ours (concurrency 32, no cap)',
			N,
			oursWorkflow(N, { concurrency: 32, maxPerSecond: 0 }),
			open,
		),
		await measure('HTTP Request 4.2, default', N, httpRequestWorkflow(N), open),
	];
	out.push(
		table(`${N} items, 50 ms latency, no cap (physical limit 32 / 50 ms = 640 msg/s for ours)`, b),
	);
	out.push(
		`ours / HTTP Request, items/s: ${ratio(b[0].accepted / b[0].wallMs, b[1].accepted / b[1].wallMs)}; connections: ${b[0].maxConnections} vs ${b[1].maxConnections}`,
	);

	const fast = { latencyMs: 0, limit: 0, chaos: {} };
	const c = [
		await measure(
			'ours (concurrency 32, no cap)',
			N_CPU,
			oursWorkflow(N_CPU, { concurrency: 32, maxPerSecond: 0 }),
			fast,
		),
		await measure('HTTP Request 4.2, default', N_CPU, httpRequestWorkflow(N_CPU), fast),
	];
	out.push(
		table(`${N_CPU} items, 0 ms latency (CPU and memory of the whole workflow in this process)`, c),
	);
	out.push(
		`ours / HTTP Request: CPU per item ${ratio(c[0].cpuMsPerItem, c[1].cpuMsPerItem)}, RSS growth ${ratio(c[0].rssGrowthMb, c[1].rssGrowthMb)}`,
	);

	process.stdout.write(out.join('\n') + '\n');
});
