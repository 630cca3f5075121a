// The reference row of the no-cap case: the same 1MSG requests sent by a plain Node.js http
// client from the benchmark process, without n8n, `connections` at a time. It shows what 32
// connections can carry against this simulator on this machine, whoever sends.
import * as http from 'http';

function post(url: string, body: string, headers: Record<string, string>, agent: http.Agent) {
	return new Promise<void>((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				agent,
				headers: {
					...headers,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
				},
			},
			(response) => {
				response.resume();
				response.on('end', resolve);
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

/**
 * POSTs every JSON body to `url` with `connections` requests in flight; returns the wall time.
 * `keepAlive`: reuse connections; otherwise one new connection per request, as n8n's helper.
 */
export async function plainClientWallMs(
	url: string,
	bodies: string[],
	headers: Record<string, string>,
	connections: number,
	keepAlive: boolean,
): Promise<number> {
	const shared = new http.Agent({ keepAlive, maxSockets: connections });
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				await post(url, body, headers, keepAlive ? shared : new http.Agent());
			}
		}),
	);
	const wallMs = performance.now() - started;
	shared.destroy();
	return wallMs;
}
