import type { Simulator } from '../sandbox/simulator';
import type { TriggerHarness } from './triggerHarness';

/** Starts the simulators once for the test file, resets them before each test, stops them after. */
export function useSimulators(...simulators: Simulator[]): void {
	beforeAll(async () => {
		await Promise.all(simulators.map((sim) => sim.start()));
	});
	afterAll(async () => {
		await Promise.all(simulators.map((sim) => sim.stop()));
	});
	beforeEach(() => {
		for (const sim of simulators) sim.reset();
	});
}

/**
 * The triggers a test starts go in the returned list: after each test, none may have answered
 * anything with a 500 (bad input included), and all are stopped.
 */
export function triggersStoppedAfterEach(): TriggerHarness[] {
	const harnesses: TriggerHarness[] = [];
	afterEach(async () => {
		for (const harness of harnesses.splice(0)) {
			expect(harness.thrown).toEqual([]);
			await harness.stop();
		}
	});
	return harnesses;
}
