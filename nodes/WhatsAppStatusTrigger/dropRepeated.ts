import type { IDataObject } from 'n8n-workflow';

import type { NormalisedStatus } from '../shared/deliveryStatus';

/** Enough to span the retries of any provider, small enough for the workflow's static data. */
export const rememberedStatuses = 1000;

/**
 * Drops statuses already seen (same provider, message and status). The keys live in the
 * workflow's static data, which n8n stores with the workflow, so every worker in queue mode
 * sees them; only the newest `rememberedStatuses` are kept.
 */
export function dropRepeated(
	staticData: IDataObject,
	statuses: NormalisedStatus[],
): NormalisedStatus[] {
	const seen = Array.isArray(staticData.seenStatuses) ? (staticData.seenStatuses as string[]) : [];
	const known = new Set(seen);
	const fresh = statuses.filter((status) => {
		const key = `${status.provider}:${status.messageId}:${status.status}`;
		if (known.has(key)) return false;
		known.add(key);
		seen.push(key);
		return true;
	});
	if (fresh.length > 0) staticData.seenStatuses = seen.slice(-rememberedStatuses);
	return fresh;
}
