import { RateLimiter } from '../nodes/shared/send/rateLimiter';
import { SimulatedClock } from './simulatedClock';

const { seeded } = require('./sandbox/simulator') as { seeded: (seed: number) => () => number };

/** The node's defaults: Concurrency 8, Max Retries 3 */
const concurrency = 8;
const maxRetries = 3;

/**
 * Several node runs sharing one provider cap, on a simulated clock: each run is the real
 * RateLimiter driving the loop callProvider runs (take a slot, send, a 429 waits what the
 * limiter says and retries, at most `maxRetries` times), `concurrency` items at a time; the
 * provider counts arrivals in a sliding second, as the simulators do, and answers 429 with
 * Retry-After in whole seconds. Latency is 30 ms plus a random delay each way (mean 20 ms), as
 * on a busy machine. Exact, instant and seeded: the real queue-mode run (e2e) measures the same
 * in n8n, with one run's worth of noise.
 */
interface Scenario {
	providerCap: number;
	perSecond: number;
	/** Items per execution */
	items: number;
	/** When each execution starts, ms */
	startsMs: number[];
}

async function shareCap(run: Scenario & { seed: number }) {
	const clock = new SimulatedClock();
	const random = seeded(run.seed);
	const delay = () => 15 - 20 * Math.log(1 - random());
	const arrivals: number[] = [];
	let accepted = 0;
	let refused = 0;
	let failed = 0;
	const arrive = () => {
		const now = clock.now();
		while (arrivals.length > 0 && arrivals[0] <= now - 1000) arrivals.shift();
		if (arrivals.length < run.providerCap) return arrivals.push(now) && 0;
		refused++;
		return Math.max(1, Math.ceil((arrivals[0] + 1000 - now) / 1000)) * 1000;
	};
	const execution = async (startMs: number) => {
		await clock.sleep(startMs);
		const limiter = new RateLimiter(run.perSecond, 2, clock, random);
		let next = 0;
		const worker = async () => {
			while (next < run.items) {
				next++;
				for (let attempt = 0; ; attempt++) {
					const answered = await limiter.take();
					await clock.sleep(delay());
					const retryAfterMs = arrive();
					await clock.sleep(delay());
					answered();
					if (retryAfterMs === 0) {
						limiter.succeeded();
						accepted++;
						break;
					}
					if (attempt === maxRetries) {
						failed++;
						break;
					}
					await clock.sleep(limiter.rateLimited(retryAfterMs));
				}
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
		return clock.now();
	};
	const finished = Promise.all(run.startsMs.map(execution));
	await clock.run();
	const seconds = Math.max(...(await finished)) / 1000;
	const allAccepted = accepted === run.items * run.startsMs.length && failed === 0;
	return { allAccepted, refused, shareOfCap: accepted / seconds / run.providerCap };
}

/** A scenario over seeds 1..`seeds`: whether every message got through once, the lowest share of the cap, the most 429s. */
async function overSeeds(seeds: number, scenario: (seed: number) => Scenario) {
	const runs = [];
	for (let seed = 1; seed <= seeds; seed++) runs.push(await shareCap({ ...scenario(seed), seed }));
	return {
		allAccepted: runs.every((r) => r.allAccepted),
		lowestShare: Math.min(...runs.map((r) => r.shareOfCap)),
		most429s: Math.max(...runs.map((r) => r.refused)),
	};
}

describe('several node runs sharing one provider cap (simulated clock)', () => {
	const fourOf250 = { providerCap: 80, perSecond: 80, items: 250 };

	it('four executions of 250 at 80/s against 80/s, started within 150 ms as queue mode starts them: over 80 % of the cap, under 10 % 429s, none failed', async () => {
		const runs = await overSeeds(20, (seed) => ({
			...fourOf250,
			startsMs: [0, 0, 50 + (seed % 4) * 25, 150],
		}));
		// Measured: 82-91 % of the cap, 48-69 × 429 per 1,000 sends. Before (lowered to what the provider took, climbing back a little per
		// answer): 43-74 % here, 45-51 % in real queue mode, the execution squeezed out at the
		// start finishing alone long after the others.
		expect(runs.allAccepted).toBe(true);
		expect(runs.lowestShare).toBeGreaterThanOrEqual(0.8);
		expect(runs.most429s).toBeLessThanOrEqual(100);
	});

	it('four executions started half a second apart: the late ones are not left behind', async () => {
		const runs = await overSeeds(10, () => ({ ...fourOf250, startsMs: [0, 500, 1000, 1500] }));
		// Measured: 79-85 % of the cap, 53-67 × 429.
		expect(runs.allAccepted).toBe(true);
		expect(runs.lowestShare).toBeGreaterThanOrEqual(0.75);
		expect(runs.most429s).toBeLessThanOrEqual(100);
	});

	it('one execution whose Max Messages Per Second (80) is twice the provider cap (40): settles under it', async () => {
		const runs = await overSeeds(10, () => ({
			providerCap: 40,
			perSecond: 80,
			items: 500,
			startsMs: [0],
		}));
		// Measured: 76-83 % of the provider's cap, 14-19 × 429 (before: 56 %, 96 × 429).
		expect(runs.allAccepted).toBe(true);
		expect(runs.lowestShare).toBeGreaterThanOrEqual(0.75);
		expect(runs.most429s).toBeLessThanOrEqual(25);
	});
});
