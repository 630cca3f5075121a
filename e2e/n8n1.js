'use strict';
// n8n 1.123 (the last 1.x, on npm) for e2e/n8n1.smoke.test.ts: it runs on this Node 20, installs
// into .cache/n8n1-runtime from e2e/n8n1-runtime (its xlsx dependency points outside the npm
// registry: the manifest overrides it with xlsx 0.18.5 from the registry), and evaluates
// expressions with its legacy engine (its default one needs isolated-vm compiled).
const path = require('path');
const { installRuntime, root } = require('./n8n');

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

/** Installs n8n 1.123 once (about 4 minutes and 1.8 GB), then reuses it. */
function ensureN8n1(log = console.log) {
	// sqlite3 is built for this Node against its own headers.
	installRuntime({ manifestDir, runtimeDir, bin, what: 'n8n 1.123', log });
}

module.exports = { n8n1, ensureN8n1 };
