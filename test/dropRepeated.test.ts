// Drop Duplicates as n8n drives it: for every webhook request the workflow's static data is
// loaded from the database, the trigger runs, and the static data is written back whole some
// time later if it was marked changed. Requests overlap, so loads and saves interleave; several
// processes (queue mode's webhook processes) share the database but not their memory.
import { ObservableObject, type IDataObject, type IObservableObject } from 'n8n-workflow';

import { dropRepeated, rememberedEvents } from '../nodes/shared/trigger/dropRepeated';
import { SeenEvents } from '../nodes/shared/trigger/seenEvents';

const scope = 'workflow-1:webhook-1';
const keyOf = (id: string) => `whatsAppWeb:${id}:delivered`;

/** A deterministic pseudo-random sequence (mulberry32), so each run interleaves the same way. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** n8n's database row for one workflow and the processes that take its webhooks. */
class Deployment {
	database = '{}';
	executions: string[] = [];

	/** Loads, runs the trigger, and returns the save n8n will make later (or nothing). */
	request(process: SeenEvents, id: string, now: number): () => void {
		const staticData = ObservableObject.create(JSON.parse(this.database) as IDataObject);
		// As Workflow.getStaticData('node') makes it: a change marks the whole static data.
		const node = (staticData['node:WhatsApp Trigger'] ??= ObservableObject.create(
			{},
			staticData as unknown as IObservableObject,
		)) as IDataObject;
		this.executions.push(...dropRepeated(node, [id], keyOf, scope, process, now));
		return () => {
			// n8n serialises static data when it saves, and only what was marked changed.
			if (staticData.__dataChanged) this.database = JSON.stringify(staticData);
		};
	}

	/**
	 * Posts `ids` by `clients` at once: each request's save comes 5-50 ms after its load, so
	 * dozens of loads and saves interleave. `processFor(i)` picks the process of the i-th post.
	 */
	burst(
		ids: string[],
		processFor: (index: number) => SeenEvents,
		{ clients = 30, start = 1_000_000, seed = 1 } = {},
	) {
		const next = random(seed);
		const events: Array<{ at: number; run: () => void }> = [];
		const clientFree = Array.from({ length: clients }, () => start);
		ids.forEach((id, index) => {
			const client = index % clients;
			const arrive = clientFree[client];
			const save = arrive + 5 + next() * 45;
			clientFree[client] = save + next() * 5;
			const process = processFor(index);
			let saveLater: () => void = () => {};
			events.push({ at: arrive, run: () => (saveLater = this.request(process, id, arrive)) });
			events.push({ at: save, run: () => saveLater() });
		});
		events.sort((a, b) => a.at - b.at).forEach((event) => event.run());
	}

	storedKeys(): string[] {
		const stored = JSON.parse(this.database)['node:WhatsApp Trigger'] ?? {};
		return Object.keys(stored.seenEvents ?? {});
	}
}

const ids = Array.from({ length: 600 }, (_, i) => `3EB0BURST${i}`);
const sorted = (list: string[]) => [...list].sort();
const minutes = (n: number) => n * 60_000;

describe('Drop Duplicates under a burst, as n8n loads and saves static data', () => {
	it('one process: 600 callbacks by 30 clients start 600 executions, static data ends with all 600 keys, repeats up to 10 minutes later start nothing', () => {
		const deployment = new Deployment();
		const process = new SeenEvents(rememberedEvents);
		deployment.burst(ids, () => process);
		expect(sorted(deployment.executions)).toEqual(sorted(ids));
		expect(sorted(deployment.storedKeys())).toEqual(sorted(ids.map(keyOf)));

		const repeats = ids.filter((_, i) => i % 6 === 0);
		deployment.burst(repeats, () => process, { start: 1_000_000 + minutes(10) });
		expect(deployment.executions).toHaveLength(600);
	});

	it('one process: a save that comes last carries keys answered after its own request', () => {
		const deployment = new Deployment();
		const process = new SeenEvents(rememberedEvents);
		const slowSave = deployment.request(process, '3EB0SLOW', 0);
		const quickSave = deployment.request(process, '3EB0QUICK', 10);
		quickSave();
		slowSave();
		expect(sorted(deployment.storedKeys())).toEqual([keyOf('3EB0QUICK'), keyOf('3EB0SLOW')]);
	});

	it('one process: copies of one callback arriving together start one execution', () => {
		const deployment = new Deployment();
		const process = new SeenEvents(rememberedEvents);
		deployment.burst(Array(30).fill('3EB0SAME'), () => process);
		expect(deployment.executions).toEqual(['3EB0SAME']);
	});

	it('a process that restarts learns from static data what it had answered', () => {
		const deployment = new Deployment();
		const first = new SeenEvents(rememberedEvents);
		deployment.burst(ids, () => first);
		const restarted = new SeenEvents(rememberedEvents);
		deployment.burst(ids.slice(0, 100), () => restarted, { start: 2_000_000 });
		expect(deployment.executions).toHaveLength(600);
	});

	it('two processes: the burst split between them starts each once; after one request on each, static data holds all 600 and repeats on either process start nothing', () => {
		const deployment = new Deployment();
		const processes = [new SeenEvents(rememberedEvents), new SeenEvents(rememberedEvents)];
		deployment.burst(ids, (i) => processes[i % 2]);
		expect(sorted(deployment.executions)).toEqual(sorted(ids));
		// Each process writes all it knows with its next request (here a callback of another
		// message): what the other process's save overwrote is back.
		deployment.burst(['3EB0OTHER1'], () => processes[0], { start: 2_000_000 });
		deployment.burst(['3EB0OTHER2'], () => processes[1], { start: 2_001_000 });
		expect(deployment.storedKeys()).toEqual(expect.arrayContaining(ids.map(keyOf)));
		// Every repeat to the process that did not answer it.
		deployment.burst(ids, (i) => processes[(i + 1) % 2], { start: 3_000_000, seed: 2 });
		expect(sorted(deployment.executions)).toEqual(sorted([...ids, '3EB0OTHER1', '3EB0OTHER2']));
	});

	it('two processes: a repeat to the other process is dropped once the original was saved there', () => {
		const deployment = new Deployment();
		const [first, second] = [new SeenEvents(rememberedEvents), new SeenEvents(rememberedEvents)];
		deployment.request(first, '3EB0A', 1)();
		deployment.request(second, '3EB0A', 2)();
		expect(deployment.executions).toEqual(['3EB0A']);
	});

	it('keeps the newest keys within its bound, and saved workflows keep what they remembered', () => {
		const process = new SeenEvents(100);
		const staticData: IDataObject = {
			seenStatuses: ['whatsAppWeb:OLD1:delivered', 'whatsAppWeb:OLD2:delivered'],
		};
		expect(dropRepeated(staticData, ['OLD1', 'NEW1'], keyOf, scope, process, 5)).toEqual(['NEW1']);
		expect(staticData.seenStatuses).toBeUndefined();
		expect(Object.keys(staticData.seenEvents as object)).toEqual([
			'whatsAppWeb:OLD1:delivered',
			'whatsAppWeb:OLD2:delivered',
			'whatsAppWeb:NEW1:delivered',
		]);
		const many = Array.from({ length: 120 }, (_, i) => `M${i}`);
		dropRepeated(staticData, many, keyOf, scope, process, 10);
		// 123 keys: trimmed to the newest 100 once past 110; the old ones go first.
		const kept = Object.keys(staticData.seenEvents as object);
		expect(kept).toHaveLength(100);
		expect(kept).not.toContain('whatsAppWeb:OLD1:delivered');
		expect(kept).not.toContain('whatsAppWeb:NEW1:delivered');
	});

	it('forgets the least recently used trigger past its bound', () => {
		const process = new SeenEvents(10, 2);
		process.recordOf('a').x = 1;
		process.recordOf('b');
		process.recordOf('a');
		process.recordOf('c');
		expect(process.recordOf('a').x).toBe(1);
		expect(process.recordOf('b').x).toBeUndefined();
	});
});
