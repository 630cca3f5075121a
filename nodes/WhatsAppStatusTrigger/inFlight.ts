/**
 * Callbacks this process answered in the last minute, by workflow, trigger and event key.
 *
 * n8n loads a workflow's static data for each webhook request and writes it back whole after
 * answering, so the same callback sent several times at the same moment finds no trace of the
 * others in static data and would start several executions. This closes that window inside
 * one process (with one webhook process: exactly one execution). It is not state the trigger
 * relies on across executions: static data stays the record; an entry only lives until n8n has
 * long saved it, and the set is bounded.
 */
const ttlMs = 60_000;
const maxEntries = 10_000;
const answered = new Map<string, number>();

/** Claims `key` now; false when this process claimed it in the last minute. */
export function claimOnce(key: string, now = Date.now()): boolean {
	const expires = answered.get(key);
	if (expires !== undefined && expires > now) return false;
	if (answered.size >= maxEntries) {
		for (const [old, until] of answered) {
			if (until <= now || answered.size >= maxEntries) answered.delete(old);
			if (answered.size < maxEntries / 2) break;
		}
	}
	answered.set(key, now + ttlMs);
	return true;
}
