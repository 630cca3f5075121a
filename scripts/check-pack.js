#!/usr/bin/env node
'use strict';
// Packs the package the way `npm publish` would and checks what n8n will load from it:
// every node and credential in the `n8n` block exists in the tarball, and there are no
// runtime dependencies; the LICENSE ships, and a tag publishes from CI with provenance.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const pkg = require('../package.json');

const [pack] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const files = new Set(pack.files.map((f) => f.path));
const problems = [];
for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!files.has(entry)) problems.push(`missing from the package: ${entry}`);
}
for (const node of pkg.n8n.nodes) {
	const base = node.replace(/\.node\.js$/, '');
	if (!files.has(`${base}.node.json`)) problems.push(`missing codex: ${base}.node.json`);
}
for (const vendored of ['libphonenumber', 'zod']) {
	if (!files.has(`dist/nodes/shared/vendor/${vendored}.js`))
		problems.push(`${vendored} is not bundled`);
}
if (!files.has('LICENSE')) problems.push('LICENSE is not in the package');
// n8n verifies only packages published from CI with npm provenance.
const publishWorkflow = path.join(__dirname, '..', '.github', 'workflows', 'publish.yml');
const publish = fs.existsSync(publishWorkflow) ? fs.readFileSync(publishWorkflow, 'utf8') : '';
for (const needed of ['id-token: write', 'npm test', 'npm publish --provenance --access public']) {
	if (!publish.includes(needed)) problems.push(`.github/workflows/publish.yml lacks "${needed}"`);
}
if (Object.keys(pkg.dependencies ?? {}).length > 0)
	problems.push('runtime dependencies are not allowed');
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`package ok: ${pack.filename}, ${pack.files.length} files, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials`,
);
