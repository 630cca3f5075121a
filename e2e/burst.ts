// A busy WhatsApp number's callbacks, as the burst tests and the bench send them: signed GOWA
// receipts posted by many clients at once, some of them repeats a provider sends again.
import { createHmac } from 'crypto';

export interface Callback {
	/** The message the receipt is for: an original and its repeats share it */
	id: string;
	url: string;
	/** A repeat waits until its original was answered at least `afterMs` ago */
	repeatOf?: { afterMs: number };
}

export interface Answer {
	id: string;
	url: string;
	status: number;
	ms: number;
}

/** The exact bytes and headers GOWA sends for a delivery receipt of `id`. */
export function gowaReceipt(id: string, secret: string) {
	const body = JSON.stringify({
		event: 'message.ack',
		payload: { ids: [id], chat_id: '254722000111@s.whatsapp.net', receipt_type: 'delivered' },
	});
	const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
	return {
		body,
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
	};
}

/**
 * Posts every callback, `clients` at a time, in order; a client that takes a repeat first waits
 * for its original's answer (plus `afterMs`). A connection error counts as status 0.
 */
export async function postAll(
	callbacks: Callback[],
	secret: string,
	clients = 30,
): Promise<{ answers: Answer[]; wallMs: number }> {
	const answeredAt = new Map<string, Promise<number>>();
	const settle = new Map<string, (at: number) => void>();
	for (const callback of callbacks) {
		if (!callback.repeatOf && !answeredAt.has(callback.id)) {
			answeredAt.set(callback.id, new Promise((resolve) => settle.set(callback.id, resolve)));
		}
	}
	const answers: Answer[] = [];
	let next = 0;
	const started = Date.now();
	const client = async () => {
		while (next < callbacks.length) {
			const callback = callbacks[next++];
			if (callback.repeatOf) {
				const original = await answeredAt.get(callback.id);
				const wait = (original ?? 0) + callback.repeatOf.afterMs - Date.now();
				if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			}
			const { body, headers } = gowaReceipt(callback.id, secret);
			const sent = Date.now();
			const status = await fetch(callback.url, { method: 'POST', headers, body })
				.then(async (response) => {
					await response.arrayBuffer();
					return response.status;
				})
				.catch(() => 0);
			answers.push({ id: callback.id, url: callback.url, status, ms: Date.now() - sent });
			if (!callback.repeatOf) settle.get(callback.id)?.(Date.now());
		}
	};
	await Promise.all(Array.from({ length: clients }, client));
	return { answers, wallMs: Date.now() - started };
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** "N posts, X posts/s, answers p50 … p99 …", and the statuses that were not 200. */
export function describeAnswers({ answers, wallMs }: { answers: Answer[]; wallMs: number }) {
	const ms = answers.map((a) => a.ms);
	const other = answers.filter((a) => a.status !== 200).map((a) => a.status);
	return (
		`${answers.length} posts, ${(answers.length / (wallMs / 1000)).toFixed(1)} posts/s, ` +
		`answers p50 ${percentile(ms, 50)} ms / p99 ${percentile(ms, 99)} ms` +
		(other.length ? `, not 200: ${other.join(' ')}` : ', all 200')
	);
}

/**
 * One receipt for each of `ids`, with `repeats` of them posted again: the repeat of every
 * `step`-th original goes in the queue a step later and waits `afterMs` after its original's
 * answer, then goes to `repeatUrl(index)` (e.g. another webhook process).
 */
export function burstWithRepeats(
	ids: string[],
	urlFor: (index: number) => string,
	{
		repeats,
		afterMs,
		repeatUrl,
	}: { repeats: number; afterMs: number; repeatUrl: (index: number) => string },
): Callback[] {
	const step = Math.floor(ids.length / repeats);
	const callbacks: Callback[] = ids.map((id, index) => ({ id, url: urlFor(index) }));
	// From the last, so the places still to fill stay where they were.
	for (let repeat = repeats - 1; repeat >= 0; repeat--) {
		const original = repeat * step;
		callbacks.splice(Math.min(original + step + 1, callbacks.length), 0, {
			id: ids[original],
			url: repeatUrl(original),
			repeatOf: { afterMs },
		});
	}
	return callbacks;
}

/** How many executions each message id started, from what the workflow recorded. */
export function executionsById(recorded: Array<{ status: Record<string, unknown> }>) {
	const counts = new Map<string, number>();
	for (const { status } of recorded) {
		const id = String(status.messageId);
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/**
 * The keys of Drop Duplicates that the receipts template's trigger holds in static data, read
 * through n8n's REST API (regular mode) with an owner `cookie`, that contain `marker`.
 */
export async function storedReceiptKeys(base: string, cookie: string, marker: string) {
	const response = await fetch(`${base}/rest/workflows/HandoffGowaRcpt1`, { headers: { cookie } });
	const workflow = (await response.json()) as {
		data: { staticData: Record<string, { seenEvents?: object }> };
	};
	const seen = workflow.data.staticData['node:GOWA Receipt']?.seenEvents ?? {};
	return Object.keys(seen).filter((key) => key.includes(marker));
}
