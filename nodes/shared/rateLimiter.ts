import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * Keeps any window of one second (plus a small margin) to at most `perSecond` request starts:
 * a sliding window over the start times it hands out. Providers count sends in windows of their
 * own, so spacing starts evenly is not enough: a little jitter puts one request too many into a
 * provider's window and earns a 429 and a second of waiting. The margin absorbs the time
 * between our start and the provider's clock. It lives only as long as one node run.
 */
export class RateLimiter {
	/** Start times handed out, oldest at `oldest` once the ring is full */
	private readonly starts: number[] = [];
	private oldest = 0;
	private notBefore = 0;
	private readonly size: number;
	private readonly windowMs: number;

	constructor(
		private readonly perSecond: number,
		marginMs = 30,
		private readonly clock: Clock = realClock,
	) {
		this.size = Math.max(1, Math.floor(perSecond));
		this.windowMs = (1000 * this.size) / Math.max(perSecond, Number.MIN_VALUE) + marginMs;
	}

	/** Waits for a start slot. Slots are handed out in call order, before any waiting. */
	async take(): Promise<void> {
		if (this.perSecond <= 0) return;
		const now = this.clock.now();
		const full = this.starts.length === this.size;
		const earliest = full ? this.starts[this.oldest] + this.windowMs : now;
		const slot = Math.max(now, earliest, this.notBefore);
		if (full) {
			this.starts[this.oldest] = slot;
			this.oldest = (this.oldest + 1) % this.size;
		} else {
			this.starts.push(slot);
		}
		if (slot > now) await this.clock.sleep(slot - now);
	}

	/** After a 429 nobody should start before the provider is ready again. */
	pushBack(ms: number): void {
		this.notBefore = Math.max(this.notBefore, this.clock.now() + ms);
	}
}
