'use strict';
// n8n 1.123 (the last 1.x, on npm) for e2e/n8n1.smoke.test.ts: it runs on this Node 20, installs
// into .cache/n8n1-runtime from e2e/n8n1-runtime (its xlsx dependency points outside the npm
// registry: the manifest overrides it with xlsx 0.18.5 from the registry), and evaluates
// expressions with its legacy engine (its default one needs isolated-vm compiled).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { root, run } = require('./n8n');

const manifestDir = path.join(__dirname, 'n8n1-runtime');
const runtimeDir = path.join(root, '.cache', 'n8n1-runtime');
const bin = path.join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n');

const n8n1 = {
	node: process.execPath,
	bin,
	env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	// n8n 1.x has no publish:workflow: a workflow is activated.
	publish: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
};

const lockHash = () =>
	crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(manifestDir, 'package-lock.json')))
		.digest('hex');

/** Installs n8n 1.123 once (about 4 minutes and 1.8 GB), then reuses it. */
function ensureN8n1(log = console.log) {
	const marker = path.join(runtimeDir, '.installed');
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === lockHash() && fs.existsSync(bin))
		return;
	log('Installing n8n 1.123 into .cache/n8n1-runtime (first time only, about 4 minutes)…');
	fs.mkdirSync(runtimeDir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(manifestDir, file), path.join(runtimeDir, file));
	}
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: runtimeDir,
	});
	// sqlite3, n8n's database driver, built for this Node (scripts are off in the project).
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
		cwd: runtimeDir,
		env: { ...process.env, npm_config_ignore_scripts: 'false' },
	});
	fs.writeFileSync(marker, lockHash());
}

module.exports = { n8n1, ensureN8n1 };
