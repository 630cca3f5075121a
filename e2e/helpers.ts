// What both real-n8n suites (regular and queue mode) do to drive n8n and wait for it.

/** POSTs JSON to a production webhook of the n8n at `base`; the answer's status and JSON. */
export async function postJson(
	base: string,
	webhookPath: string,
	body: object,
): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${base}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Polls `read` (which may be async) every 200 ms until it gives something other than undefined. */
export async function eventually<T>(
	read: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 20_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
