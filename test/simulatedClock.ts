import type { Clock } from '../nodes/shared/send/rateLimiter';

/**
 * A clock that moves only from timer to timer: `run` fires the timers in time order, letting
 * every promise settle in between, so tests of timing are exact and instant.
 */
export class SimulatedClock implements Clock {
	private time = 0;
	private readonly timers: Array<{ at: number; order: number; fire: () => void }> = [];
	private scheduled = 0;

	now = () => this.time;

	sleep = (ms: number) => new Promise<void>((resolve) => this.later(ms, resolve));

	later(ms: number, fire: () => void): void {
		this.timers.push({ at: this.time + Math.max(0, ms), order: this.scheduled++, fire });
	}

	/** Fires timers until none is left and nothing is pending. */
	async run(): Promise<void> {
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (this.timers.length === 0) return;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift()!;
			this.time = Math.max(this.time, next.at);
			next.fire();
		}
	}
}
