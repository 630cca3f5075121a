import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

/** Called when the request of a slot has its answer, or has failed. */
export type Release = () => void;

const noLimit: Release = () => {};

/**
 * Keeps any window of one second to at most `perSecond` requests as the provider counts them.
 * A provider counts a request when it arrives, and we cannot see that moment: a busy CPU or a
 * slow connection can make a request leave tens of milliseconds after we planned it, so a
 * window measured from planned start times lets the next second's burst in early (429s, and on
 * GOWA WhatsApp's anti-spam lock). What we do know is that a request has arrived by the time
 * its answer is back. So a slot is reused only one window after the answer of the request that
 * held it (`perSecond` requests back): the provider has then seen at most `perSecond` of ours
 * in any window, however late each one left. It costs one latency per window (50 ms answers:
 * about 95 % of the cap at worst). It lives only as long as one node run.
 */
export class RateLimiter {
	/** When each of the last `size` requests got its answer, oldest at `oldest` once full */
	private readonly answered: Array<Promise<number>> = [];
	private oldest = 0;
	private notBefore = 0;
	private readonly size: number;
	private readonly windowMs: number;

	constructor(
		private readonly perSecond: number,
		// Only for timer rounding: a timer may fire a millisecond early by Date.now().
		marginMs = 2,
		private readonly clock: Clock = realClock,
	) {
		this.size = Math.max(1, Math.floor(perSecond));
		this.windowMs = (1000 * this.size) / Math.max(perSecond, Number.MIN_VALUE) + marginMs;
	}

	/**
	 * Waits for a slot, handed out in call order. Call the returned function once the request
	 * has its answer or has failed: until then, the request `perSecond` places later waits.
	 */
	async take(): Promise<Release> {
		if (this.perSecond <= 0) return noLimit;
		let release!: Release;
		const answered = new Promise<number>((resolve) => {
			release = () => resolve(this.clock.now());
		});
		// The slot is claimed before any waiting, so callers keep their order.
		const previous = this.answered.length === this.size ? this.answered[this.oldest] : undefined;
		if (previous === undefined) {
			this.answered.push(answered);
		} else {
			this.answered[this.oldest] = answered;
			this.oldest = (this.oldest + 1) % this.size;
		}
		if (previous !== undefined) await this.waitUntil((await previous) + this.windowMs);
		// After a 429 nobody starts before the provider is ready; pushBack may move it while we wait.
		while (this.notBefore > this.clock.now()) await this.waitUntil(this.notBefore);
		return release;
	}

	/** After a 429 nobody should start before the provider is ready again. */
	pushBack(ms: number): void {
		this.notBefore = Math.max(this.notBefore, this.clock.now() + ms);
	}

	private async waitUntil(time: number): Promise<void> {
		const wait = time - this.clock.now();
		if (wait > 0) await this.clock.sleep(wait);
	}
}
