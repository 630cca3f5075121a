import { sleep } from 'n8n-workflow';

import { ShareOfCap } from './shareOfCap';

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
 * about 95 % of the cap at worst). Starts are paced at the node's share of the cap
 * (`ShareOfCap`) once a 429 shows that something else uses it too. It lives only as long as one
 * node run.
 */
export class RateLimiter {
	/** When each of the last `size` requests got its answer, oldest at `oldest` once full */
	private readonly answered: Array<Promise<number>> = [];
	private oldest = 0;
	private readonly size: number;
	private readonly windowMs: number;
	private readonly share: ShareOfCap;
	/** The paced start handed out last */
	private lastPaced = -Infinity;

	constructor(
		private readonly perSecond: number,
		// Only for timer rounding: a timer may fire a millisecond early by Date.now().
		marginMs = 2,
		private readonly clock: Clock = realClock,
		private readonly random: () => number = Math.random,
	) {
		this.size = Math.max(1, Math.floor(perSecond));
		this.windowMs = (1000 * this.size) / Math.max(perSecond, Number.MIN_VALUE) + marginMs;
		this.share = new ShareOfCap(perSecond, clock);
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
		// Starts are spaced: at twice the cap until a 429 shows that something else shares it (a
		// window's sends go out in half of it, as Concurrency allows at 50 ms answers), at the rate
		// itself from then on, even once climbed back to the cap: a burst into a full window is a
		// volley of 429s. Claimed before the wait, so each caller gets its own; claimed again at
		// the new spacing when a 429 lowered the rate meanwhile, so the node stops at once.
		for (;;) {
			const { rate, loweredAt } = this.share;
			const spacing = 1000 / (loweredAt > -Infinity ? rate : 2 * this.perSecond);
			const start = Math.max(this.clock.now(), this.lastPaced + spacing);
			this.lastPaced = start;
			await this.waitUntil(start);
			if (this.share.loweredAt === loweredAt) return release;
		}
	}

	/**
	 * The provider answered 429: the node's rate is lowered to its share of the cap
	 * (`ShareOfCap`), and its other requests go on at that rate. Returns how long the refused
	 * request waits: Retry-After plus a random part, so requests refused together do not all
	 * come back at once.
	 */
	rateLimited(retryAfterMs: number): number {
		// Starts already planned at the old rate are planned again, from when the share says.
		const resume = this.share.rateLimited(retryAfterMs);
		if (resume !== undefined) this.lastPaced = resume;
		return retryAfterMs + Math.max(retryAfterMs, 200) * 0.5 * this.random();
	}

	/** An answer that was not a 429. */
	succeeded(): void {
		// Without a cap there is no share to climb back to.
		if (this.perSecond > 0) this.share.succeeded();
	}

	/** The rate this node sends at now, per second. */
	get currentRate(): number {
		return this.share.rate;
	}

	private async waitUntil(time: number): Promise<void> {
		const wait = time - this.clock.now();
		if (wait > 0) await this.clock.sleep(wait);
	}
}
