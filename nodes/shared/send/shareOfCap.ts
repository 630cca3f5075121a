import type { Clock } from './rateLimiter';

/** While 429s are recent, the rate climbs back by this share of the cap each second... */
const climbPerSecond = 0.02;
/** ...four times as fast while under this share of the cap (an execution squeezed out early) */
const squeezed = 0.2;
/** No 429 for this long: whoever shared the cap seems to have finished; the rate doubles each second. */
const quietMs = 2000;

/**
 * The rate one node run sends at when something else (another execution, another worker,
 * another tool) shares the provider's cap: nothing tells it how many others there are, only
 * the 429s it meets and the answers it gets. It starts at the node's cap; a 429 lowers it to
 * what the provider took from this node in the last second, less a part that grows with that
 * share, at most once a second: the executions sharing the cap leave it some room, and the
 * one that took most gives back most, so their shares drift toward equal. Time raises it again.
 */
export class ShareOfCap {
	/** Sends per second: the node's cap until a 429, then its share */
	rate: number;
	/** When a 429 last lowered the rate; -Infinity until the first */
	loweredAt = -Infinity;
	private lastRateLimited = -Infinity;
	private lastClimb = -Infinity;
	/** When the last accepted requests were answered, at most one window's worth (a ring) */
	private readonly successes: number[];
	private nextSuccess = 0;

	constructor(
		private readonly perSecond: number,
		private readonly clock: Clock,
	) {
		this.rate = perSecond;
		this.successes = new Array<number>(Math.max(1, Math.floor(perSecond))).fill(-Infinity);
	}

	/**
	 * The provider answered 429. Returns when the node's starts are paced again at the lowered
	 * rate, or nothing when it was lowered less than a second ago: from now, or, the first time,
	 * from when Retry-After ends. The node has just met a full window it did not know it shared,
	 * and whatever it sends before that window frees is refused.
	 */
	rateLimited(retryAfterMs: number): number | undefined {
		const now = this.clock.now();
		this.climb(now);
		this.lastRateLimited = now;
		if (now - this.loweredAt < 1000) return undefined;
		const taken = this.successes.filter((at) => at > now - 1000).length;
		const share = taken * (1 - taken / (2 * this.perSecond));
		// Halved when it took nothing in the last second.
		const lowered = taken > 0 ? Math.min(share, this.rate / 2 + taken / 2) : this.rate / 2;
		this.rate = Math.max(this.perSecond / 16, lowered);
		const resume = this.loweredAt === -Infinity ? now + retryAfterMs : now;
		// Quiet is counted while sending: a node held back has not seen the cap free up.
		this.lastRateLimited = resume;
		this.loweredAt = now;
		return resume;
	}

	/** An answer that was not a 429. */
	succeeded(): void {
		const now = this.clock.now();
		this.successes[this.nextSuccess] = now;
		this.nextSuccess = (this.nextSuccess + 1) % this.successes.length;
		this.climb(now);
	}

	/**
	 * The rate climbs back toward the cap with time, not with answers (a node at a low rate gets
	 * few): gently while 429s are recent, so the executions sharing the cap probe it without a
	 * storm, faster for one squeezed far under it (one that started a moment after the others
	 * and found the window full), and doubling each second once none has come for a while, so a
	 * node left alone when the others finish takes the whole cap back within seconds.
	 */
	private climb(now: number): void {
		const seconds = Math.min(now - this.lastClimb, 1000) / 1000;
		this.lastClimb = now;
		if (this.rate >= this.perSecond) return;
		if (now - this.lastRateLimited > quietMs) {
			this.rate *= 2 ** seconds;
		} else {
			const pace = this.rate < squeezed * this.perSecond ? 4 * climbPerSecond : climbPerSecond;
			this.rate += pace * this.perSecond * seconds;
		}
		this.rate = Math.min(this.perSecond, this.rate);
	}
}
