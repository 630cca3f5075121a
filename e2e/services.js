'use strict';
// Postgres and Redis for n8n's queue mode, from Debian's packages, each started as our own
// process on 127.0.0.1 with a throwaway data directory, and stopped by pid.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

function sh(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result.stdout;
}

const pgBin = () => {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.length ? path.join(base, versions[0], 'bin') : undefined;
};

/** Installs Debian's postgresql and redis-server when missing (CI runs as root). */
function ensureServices(log = console.log) {
	const redis = spawnSync('which', ['redis-server']).status === 0;
	if (pgBin() && redis) return;
	log('Installing postgresql and redis-server from Debian (first time only)…');
	sh('apt-get', ['update', '-q']);
	sh('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql', 'redis-server'], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (!pgBin()) throw new Error('postgresql did not install: no /usr/lib/postgresql/*/bin');
}

async function waitForPort(port, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`Nothing listens on 127.0.0.1:${port}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** A child process that dies with us and is stopped by its pid. */
function owned(child, name) {
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	return {
		pid: child.pid,
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
			if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
		},
		name,
	};
}

/**
 * Postgres as the `postgres` system user (it refuses root), data in a fresh temporary
 * directory, trust auth on 127.0.0.1 only, database `n8n`.
 */
async function startPostgres(port) {
	const bin = pgBin();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-pg-'));
	const asPostgres = (command, args) => [
		'runuser',
		['-u', 'postgres', '--', path.join(bin, command), ...args],
	];
	sh('chown', ['postgres', dataDir]);
	sh(...asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']));
	const [command, args] = asPostgres('postgres', [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		'-c',
		'fsync=off',
	]);
	const server = owned(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }), 'postgres');
	await waitForPort(port);
	for (let tries = 0; ; tries++) {
		const created = spawnSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE n8n'],
			{ encoding: 'utf8' },
		);
		if (created.status === 0) break;
		if (tries > 50)
			throw new Error(`CREATE DATABASE failed: ${created.stderr}\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		...server,
		async stop() {
			await server.stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** One value from the database `n8n` of the Postgres on `port` (e.g. a workflow's static data). */
function queryValue(port, sql) {
	return sh(path.join(pgBin(), 'psql'), [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-d',
		'n8n',
		'-At',
		'-c',
		sql,
	]).trim();
}

/** Redis without persistence on 127.0.0.1. */
async function startRedis(port) {
	const server = owned(
		spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		),
		'redis',
	);
	await waitForPort(port);
	return server;
}

module.exports = { ensureServices, startPostgres, startRedis, owned, waitForPort, queryValue };
