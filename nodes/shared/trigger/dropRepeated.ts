import type { IDataObject } from 'n8n-workflow';

import { mergeStored, sameKeys, SeenEvents, type SeenRecord } from './seenEvents';

/** Spans the retries of any provider for a busy number; about 120 KB of static data at most. */
export const rememberedEvents = 2000;

/** This process's memory of what each trigger answered (seenEvents.ts). */
export const processMemory = new SeenEvents(rememberedEvents);

/** What static data holds: `seenEvents`, or the list of keys versions before 0.2 kept. */
function storedRecord(staticData: IDataObject): SeenRecord {
	const stored = Object.create(null) as SeenRecord;
	if (Array.isArray(staticData.seenStatuses)) {
		// Oldest first, so they are the first to go when trimmed.
		staticData.seenStatuses.forEach((key, index) => {
			if (typeof key === 'string') stored[key] = index;
		});
	}
	const seen = staticData.seenEvents;
	if (seen && typeof seen === 'object' && !Array.isArray(seen)) {
		for (const [key, at] of Object.entries(seen)) if (typeof at === 'number') stored[key] = at;
	}
	return stored;
}

/**
 * Drops events already answered: a status (same provider, message and status) or a message
 * (same provider and message id). Exact within a process, which checks and claims each key in
 * one step; across processes, through the workflow's static data, into which every request
 * writes this process's whole memory of the trigger, merged with what it loaded.
 */
export function dropRepeated<T>(
	staticData: IDataObject,
	events: T[],
	keyOf: (event: T) => string,
	/** Where the trigger is (workflow and node) */
	scope: string,
	memory: SeenEvents = processMemory,
	now = Date.now(),
): T[] {
	const stored = storedRecord(staticData);
	const record = memory.recordOf(scope);
	mergeStored(record, stored);
	const fresh = events.filter((event) => {
		const key = keyOf(event);
		if (key in record) return false;
		record[key] = now;
		return true;
	});
	memory.trim(record);
	if (!sameKeys(record, stored)) {
		staticData.seenEvents = record;
		if ('seenStatuses' in staticData) delete staticData.seenStatuses;
	}
	return fresh;
}

export const statusKey = (status: { provider: string; messageId: string; status: string }) =>
	`${status.provider}:${status.messageId}:${status.status}`;
export const messageKey = (message: { provider: string; messageId: string }) =>
	`${message.provider}:${message.messageId}:message`;
