'use strict';
// n8n 2.41.1 in queue mode, the way users scale it out: Postgres, Redis, a main process (editor,
// triggers, publishing), two workers that run the executions and two webhook processes that take
// production webhooks (behind a load balancer in a real deployment; the first one's address is
// the WEBHOOK_URL triggers register). Every process has its own user folder with the package installed in
// it, as each machine of a real deployment has; they share the encryption key, the database
// and Redis. Everything started here is stopped by pid.
const path = require('path');

const n8n = require('./n8n');
const { ensureServices, queryValue, startPostgres, startRedis } = require('./services');

const ports = {
	main: 5710,
	webhook: 5720,
	secondWebhook: 5721,
	workers: [5730, 5740],
	postgres: 5433,
	redis: 6380,
};

function queueEnv() {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(ports.postgres),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(ports.redis),
		N8N_ENCRYPTION_KEY: 'handoff-queue-e2e-encryption-key',
		// Production webhooks, and the URLs triggers register, go to the webhook process.
		WEBHOOK_URL: `http://127.0.0.1:${ports.webhook}/`,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_LOG_LEVEL: 'info',
	};
}

/** Starts everything; `setup(cli)` imports and publishes before the main process starts. */
async function startQueue({ tarball, cacheDir, setup, log = () => {} }) {
	ensureServices(log);
	const started = [];
	const stop = async () => {
		for (const process of started.reverse()) await process.stop();
	};
	try {
		started.push(await startPostgres(ports.postgres));
		started.push(await startRedis(ports.redis));
		const folder = (name) => path.join(cacheDir, `queue-${name}`);
		for (const name of ['main', 'webhook', 'webhook2', 'worker1', 'worker2']) {
			n8n.prepareUserFolder(folder(name), tarball);
		}
		const env = queueEnv();
		setup({
			importTemplates: (credentials, dir, unpublished = []) =>
				n8n.importTemplates(folder('main'), ports.main, credentials, dir, env, unpublished),
			cli: (args) => n8n.cli(folder('main'), ports.main, args, env),
		});
		const main = await n8n.startN8n(folder('main'), ports.main, { env, log });
		started.push(main);
		const workers = [];
		for (const [index, healthPort] of ports.workers.entries()) {
			const worker = await n8n.startN8n(folder(`worker${index + 1}`), healthPort, {
				command: 'worker',
				env: { ...env, QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
				log,
			});
			started.push(worker);
			workers.push(worker);
		}
		const webhookProcesses = [
			['webhook', ports.webhook],
			['webhook2', ports.secondWebhook],
		];
		const startWebhook = async (index) => {
			const [name, port] = webhookProcesses[index];
			const webhook = await n8n.startN8n(folder(name), port, { command: 'webhook', env, log });
			started.push(webhook);
			return webhook;
		};
		const webhooks = [];
		for (const index of webhookProcesses.keys()) webhooks.push(await startWebhook(index));
		/** Stops webhook process `index` and starts it again: its memory is gone, the database stays. */
		const restartWebhook = async (index) => {
			const old = webhooks[index];
			await old.stop();
			started.splice(started.indexOf(old), 1);
			webhooks[index] = await startWebhook(index);
		};
		/** What the database holds for `sql` (one value). */
		const query = (sql) => queryValue(ports.postgres, sql);
		return { main, workers, webhooks, ports, stop, restartWebhook, query };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueue, ports };
