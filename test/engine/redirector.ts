import * as http from 'http';
import type { AddressInfo } from 'net';

/**
 * A server on 127.0.0.1 that answers every request with a 301 to the same path on `target`,
 * as a provider address that moved (or an http:// address in front of https://) does.
 * `seen` records what reached it.
 */
export async function startRedirector(target: string) {
	const seen: Array<{ method?: string; path?: string; authorization?: string }> = [];
	const server = http.createServer((request, response) => {
		seen.push({
			method: request.method,
			path: request.url,
			authorization: request.headers.authorization,
		});
		response.writeHead(301, { location: `${target}${request.url}` }).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
