import { sleep } from 'n8n-workflow';

/**
 * Spaces request starts evenly at `perSecond` for one node run. It lives only as long as the
 * run, so nothing is kept in memory between executions.
 */
export class RateLimiter {
	private nextSlot = 0;

	constructor(private readonly perSecond: number) {}

	async take(): Promise<void> {
		if (this.perSecond <= 0) return;
		const interval = 1000 / this.perSecond;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + interval;
		if (slot > now) await sleep(slot - now);
	}

	/** After a 429 nobody should start before the provider is ready again. */
	pushBack(ms: number): void {
		this.nextSlot = Math.max(this.nextSlot, Date.now() + ms);
	}
}
