// npm run bench, the shared cap: four executions at once, each with Max Messages Per Second at
// the provider's whole cap (40/s), against the 1MSG simulator in its own process. How many 429s
// and how much of the cap they use depend on the machine's speed, so they are measured here, not
// asserted in npm test (test/rateCap.test.ts keeps what holds anywhere: each message accepted
// once; test/capSharing.test.ts bounds the same on a simulated clock).
import { Engine } from '../test/engine/engine';
import { orderWorkflow } from '../test/engine/workflows';
import { TOKEN } from './cases';
import { startSim } from './simProcess';

const executions = 4;
const itemsEach = 100;
const cap = 40;

let sim: Awaited<ReturnType<typeof startSim>>;
let engine: Engine;

beforeAll(async () => {
	engine = await Engine.load();
	sim = await startSim();
});
afterAll(() => sim.stop());

const workflow = (first: number) =>
	orderWorkflow(
		Array.from({ length: itemsEach }, (_, i) => ({
			customerPhone: `+4479111${String(first + i).padStart(5, '0')}`,
		})),
		{
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
							phones: { phone: [{ number: '+447911123456', type: 'CELL', onWhatsApp: false }] },
						},
					],
				},
				options: { maxPerSecond: cap, maxRetries: 10 },
			},
		},
	);

it('prints four executions sharing one provider cap', async () => {
	await sim.prepare({ latencyMs: 20, limit: cap });
	const credentials = { oneMsgApi: { token: TOKEN, channelId: '1', baseUrl: sim.url } };
	const started = performance.now();
	const results = await Promise.all(
		Array.from(
			{ length: executions },
			async (_, n) => await engine.run(workflow(n * 1000), credentials),
		),
	);
	const seconds = (performance.now() - started) / 1000;
	const stats = await sim.stats();
	const accepted = results
		.flatMap((r) => r.items('Send'))
		.filter((i) => i.json.status === 'accepted');
	process.stdout.write(
		[
			`## Four executions sharing one provider cap: ${new Date().toISOString()}`,
			`${executions} × ${itemsEach} items at once, each at Max Messages Per Second ${cap}, provider ${cap}/s (sliding 1 s window), 20 ms latency`,
			`accepted ${stats.accepted} (items accepted ${accepted.length}, duplicates ${stats.duplicates}), 429s ${stats.rateLimited} (${((stats.rateLimited / (stats.accepted + stats.rateLimited)) * 100).toFixed(1)} % of requests), ${(stats.accepted / seconds).toFixed(1)}/s = ${((stats.accepted / seconds / cap) * 100).toFixed(0)} % of the cap in ${seconds.toFixed(1)} s`,
		].join('\n') + '\n',
	);
	expect(stats.accepted).toBe(executions * itemsEach);
});
