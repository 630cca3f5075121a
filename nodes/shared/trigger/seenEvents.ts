/** Event key → when it was first answered (ms since 1970). A plain object, as static data stores it. */
export type SeenRecord = Record<string, number>;

/**
 * What this process has answered, one record per trigger (workflow and node), each bounded to
 * the newest `keysPerTrigger` keys, with no expiry by time: a provider may retry for hours.
 *
 * n8n loads a workflow's static data for each webhook request and writes it back whole, so
 * requests arriving together overwrite each other's keys there, and a repeat that reaches
 * another process finds nothing. So each process keeps its own record, merges into it what
 * static data holds on every request, and the trigger writes the record whole into static
 * data: what one save lost, the next save from any process that knows it puts back.
 *
 * The record handed to static data is this live object, not a copy: n8n serialises static
 * data when it saves, after answering, so the last save of a burst carries every key the
 * process answered before it, whatever order the saves run in.
 */
export class SeenEvents {
	private readonly records = new Map<string, SeenRecord>();

	constructor(
		readonly keysPerTrigger: number,
		/** Triggers remembered at once in this process; the least recently used is forgotten */
		private readonly maxTriggers = 200,
	) {}

	/** The live record of one trigger; created empty the first time. */
	recordOf(scope: string): SeenRecord {
		let record = this.records.get(scope);
		if (record) this.records.delete(scope);
		else record = Object.create(null) as SeenRecord;
		this.records.set(scope, record);
		if (this.records.size > this.maxTriggers) {
			this.records.delete(this.records.keys().next().value as string);
		}
		return record;
	}

	/**
	 * Keeps the newest `keysPerTrigger` keys. Trimmed only past a tenth more, so a busy trigger
	 * does not sort on every request.
	 */
	trim(record: SeenRecord): void {
		const keys = Object.keys(record);
		if (keys.length <= this.keysPerTrigger + Math.floor(this.keysPerTrigger / 10)) return;
		keys.sort((a, b) => record[a] - record[b]);
		for (const key of keys.slice(0, keys.length - this.keysPerTrigger)) delete record[key];
	}
}

/** Adds to `record` what `stored` knows and it does not, with the time `stored` gives. */
export function mergeStored(record: SeenRecord, stored: SeenRecord): void {
	for (const key of Object.keys(stored)) if (!(key in record)) record[key] = stored[key];
}

/** True when both hold the same keys. */
export function sameKeys(record: SeenRecord, stored: SeenRecord): boolean {
	const keys = Object.keys(record);
	return keys.length === Object.keys(stored).length && keys.every((key) => key in stored);
}
