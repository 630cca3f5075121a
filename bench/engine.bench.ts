// npm run bench, part 1: the cases of cases.ts in n8n's engine (n8n-core) in this process,
// against the 1MSG simulator in its own process. CPU and memory are this process's.
import { Engine } from '../test/engine/engine';
import { orderWorkflow } from '../test/engine/workflows';
import { orders, report, TOKEN, type Runner, type Variant } from './cases';
import { startSim } from './simProcess';

let sim: Awaited<ReturnType<typeof startSim>>;
let engine: Engine;

beforeAll(async () => {
	engine = await Engine.load();
	sim = await startSim();
});
afterAll(() => sim.stop());

function workflow(variant: Variant, n: number) {
	const built = orderWorkflow(orders(n), {
		type: 'oneMsg',
		credentialType: 'oneMsgApi',
		parameters: {},
	});
	const send = built.nodes.find((node) => node.name === 'Send')!;
	delete send.credentials;
	Object.assign(send, variant.send(sim.url, { oneMsg: '1', headerAuth: '2' }));
	return built;
}

const credentials = () => ({
	oneMsgApi: { token: TOKEN, channelId: '1', baseUrl: sim.url },
	httpHeaderAuth: { name: 'Authorization', value: `Bearer ${TOKEN}` },
});

const runner: Runner = {
	title: "n8n's engine (n8n-core 2.41.1) in the benchmark process",
	memory: 'memory = peak V8 heap growth in this process',
	async warmUp(variant) {
		await sim.prepare({ latencyMs: 0, limit: 0 });
		await engine.run(workflow(variant, 300), credentials());
	},
	async measure(name, variant, items, config) {
		const built = workflow(variant, items);
		await sim.prepare(config);
		// One process for every case, so memory is the V8 heap (it shrinks after a collection);
		// RSS would only keep the high-water mark of whichever case ran first.
		(global as { gc?: () => void }).gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		let heapPeak = heapBefore;
		const sampler = setInterval(
			() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
			10,
		);
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const result = await engine.run(built, credentials());
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		clearInterval(sampler);
		const stats = await sim.stats();
		const ok = result.error
			? 0
			: result.items('Send').filter((item) => item.json.error === undefined).length;
		return {
			name,
			items,
			wallMs,
			cpuMsPerItem: (cpu.user + cpu.system) / 1000 / items,
			memoryGrowthMb: (heapPeak - heapBefore) / 1024 / 1024,
			ok,
			accepted: stats.accepted,
			duplicates: stats.duplicates,
			rateLimited: stats.rateLimited,
			maxConnections: stats.maxOpenConnections,
			failed: result.error ? result.error.message.slice(0, 40) : '',
		};
	},
};

it('prints the benchmark in the engine', async () => {
	process.stdout.write(await report(runner, sim));
});
