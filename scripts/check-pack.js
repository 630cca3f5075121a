#!/usr/bin/env node
'use strict';
// Packs each package the way `npm publish` would and checks what n8n will load from it: the
// all-in-one at the root and each single-service package in packages/. Every node and
// credential in a package's `n8n` block exists in its tarball with its codex, there are no
// runtime dependencies, the LICENSE ships; a single-service tarball holds its own service only
// (no node, trigger or credential of another, and no other service's credential named in its
// code), and its templates use its own nodes only; and a tag publishes every package from CI with provenance.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { root, servicePackageDirs } = require('./packageDirs');

const servicePackages = servicePackageDirs();

const readPackage = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
/** `dist/credentials/OneMsgApi.credentials.js` → `oneMsgApi`, the credential's type name. */
const credentialTypeOf = (entry) => {
	const name = path.basename(entry, '.credentials.js');
	return name[0].toLowerCase() + name.slice(1);
};

function packed(dir) {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: dir,
			encoding: 'utf8',
		}),
	);
	return pack;
}

/** A single-service package ships its templates (workflows/), each using its own nodes only. */
function templateProblems(dir, pkg, files) {
	const templates = [...files].filter((file) => /^workflows\/[^/]+\.json$/.test(file));
	if (templates.length === 0) return ['no templates (workflows/*.json) in the package'];
	const problems = [];
	for (const file of templates) {
		const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		for (const node of workflow.nodes) {
			// n8n's own nodes (n8n-nodes-base, @n8n/…) are everywhere; a community node must be ours.
			if (/^(n8n-nodes-base|@n8n\/[^.]+)\./.test(node.type)) continue;
			if (!node.type.startsWith(`${pkg.name}.`))
				problems.push(`${file}: "${node.name}" is ${node.type}, not a node of ${pkg.name}`);
		}
	}
	return problems;
}

function check(dir, { otherServices = [] } = {}) {
	const pkg = readPackage(dir);
	const pack = packed(dir);
	const files = new Set(pack.files.map((f) => f.path));
	const problems = [];
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!files.has(entry)) problems.push(`missing from the package: ${entry}`);
	}
	for (const node of pkg.n8n.nodes) {
		const base = node.replace(/\.node\.js$/, '');
		if (!files.has(`${base}.node.json`)) problems.push(`missing codex: ${base}.node.json`);
		const codex = JSON.parse(fs.readFileSync(path.join(dir, `${base}.node.json`), 'utf8'));
		if (!codex.node.startsWith(`${pkg.name}.`))
			problems.push(`${base}.node.json names ${codex.node}, not a node of ${pkg.name}`);
	}
	if (!files.has('LICENSE')) problems.push('LICENSE is not in the package');
	if (Object.keys(pkg.dependencies ?? {}).length > 0)
		problems.push('runtime dependencies are not allowed');
	if (!pkg.keywords.includes('n8n-community-node-package'))
		problems.push('the keyword n8n-community-node-package is missing');
	const code = pack.files
		.map((f) => f.path)
		.filter((file) => file.endsWith('.js'))
		.map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
	for (const other of otherServices) {
		for (const { file, text } of code) {
			for (const credential of other.credentials) {
				if (text.includes(`"${credential}"`) || text.includes(`'${credential}'`))
					problems.push(`${file} names ${other.name}'s credential ${credential}`);
			}
		}
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			if (other.entries.includes(entry)) problems.push(`${entry} belongs to ${other.name}`);
		}
	}
	if (otherServices.length > 0) problems.push(...templateProblems(dir, pkg, files));
	return { pkg, pack, problems };
}

const services = servicePackages.map((dir) => {
	const pkg = readPackage(dir);
	return {
		dir,
		name: pkg.name,
		credentials: pkg.n8n.credentials.map(credentialTypeOf),
		entries: [...pkg.n8n.nodes, ...pkg.n8n.credentials],
	};
});

const results = [
	(() => {
		const result = check(root);
		for (const vendored of ['libphonenumber', 'zod']) {
			if (!result.pack.files.some((f) => f.path === `dist/nodes/shared/vendor/${vendored}.js`))
				result.problems.push(`${vendored} is not bundled`);
		}
		return result;
	})(),
	...services.map((service) =>
		check(service.dir, { otherServices: services.filter((other) => other !== service) }),
	),
];

// n8n verifies only packages published from CI with npm provenance: every package, by its tag.
const publishWorkflow = path.join(root, '.github', 'workflows', 'publish.yml');
const publish = fs.existsSync(publishWorkflow) ? fs.readFileSync(publishWorkflow, 'utf8') : '';
const publishProblems = ['id-token: write', 'npm test', 'npm publish --provenance --access public']
	.filter((needed) => !publish.includes(needed))
	.map((needed) => `.github/workflows/publish.yml lacks "${needed}"`);
for (const service of services) {
	if (!publish.includes(`packages/${path.basename(service.dir)}`))
		publishProblems.push(`.github/workflows/publish.yml does not publish ${service.name}`);
}

const problems = [
	...results.flatMap((r) => r.problems.map((p) => `${r.pkg.name}: ${p}`)),
	...publishProblems,
];
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
for (const { pkg, pack } of results) {
	console.log(
		`package ok: ${pack.filename}, ${pack.files.length} files, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials`,
	);
}
