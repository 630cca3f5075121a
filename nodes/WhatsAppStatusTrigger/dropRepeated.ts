import type { IDataObject } from 'n8n-workflow';

import { claimOnce } from './inFlight';

/** Enough to span the retries of any provider, small enough for the workflow's static data. */
export const rememberedStatuses = 1000;

/**
 * Drops events already seen: a status (same provider, message and status) or a message (same
 * provider and message id). The keys live in the workflow's static data, which n8n stores with
 * the workflow, so every worker in queue mode sees them; only the newest `rememberedStatuses`
 * are kept. Copies arriving at the same moment are caught in this process (inFlight.ts).
 */
export function dropRepeated<T>(
	staticData: IDataObject,
	events: T[],
	keyOf: (event: T) => string,
	/** Where the trigger is (workflow and node), for callbacks arriving at the same moment */
	scope: string,
): T[] {
	const seen = Array.isArray(staticData.seenStatuses) ? (staticData.seenStatuses as string[]) : [];
	const known = new Set(seen);
	const fresh = events.filter((event) => {
		const key = keyOf(event);
		if (known.has(key) || !claimOnce(`${scope}:${key}`)) return false;
		known.add(key);
		seen.push(key);
		return true;
	});
	if (fresh.length > 0) staticData.seenStatuses = seen.slice(-rememberedStatuses);
	return fresh;
}

export const statusKey = (status: { provider: string; messageId: string; status: string }) =>
	`${status.provider}:${status.messageId}:${status.status}`;
export const messageKey = (message: { provider: string; messageId: string }) =>
	`${message.provider}:${message.messageId}:message`;
