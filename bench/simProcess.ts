// The 1MSG simulator in its own process, so its CPU is never counted as n8n's.
import { fork } from 'child_process';
import * as path from 'path';

import { TOKEN, type SimConfig } from './cases';

export interface SimStats {
	accepted: number;
	duplicates: number;
	rateLimited: number;
	maxOpenConnections: number;
}

export async function startSim() {
	const child = fork(path.join(__dirname, '../test/sandbox/serve.js'), ['oneMsg', '0', TOKEN], {
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	const url = await new Promise<string>((resolve) =>
		child.once('message', (message) => resolve(String(message))),
	);
	const call = async (action: string, config?: object): Promise<SimStats> => {
		const response = await fetch(`${url}/__sim/${action}`, {
			method: config || action === 'reset' ? 'POST' : 'GET',
			headers: { 'content-type': 'application/json' },
			body: config ? JSON.stringify(config) : undefined,
		});
		return (await response.json()) as SimStats;
	};
	return {
		url,
		/** Clears what the simulator accepted and counted, then sets latency and cap. */
		async prepare(config: SimConfig) {
			await call('reset');
			await call('config', { ...config, chaos: {} });
		},
		stats: async () => await call('stats'),
		stop: () => child.kill(),
	};
}
