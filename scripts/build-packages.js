#!/usr/bin/env node
'use strict';
// Builds each single-service package in packages/ from the one source tree: every entry of its
// package.json `n8n` block (its node, its trigger, its credential) is bundled by esbuild with the
// shared code it reaches (nodes/shared, libphonenumber-js, zod) into the package's own dist, so
// the published package has no runtime dependency and imports nothing outside itself but
// n8n-workflow (external: n8n's instanceof checks must see the host's copy). Beside each node go
// its codex file (the package's own, naming the package) and its provider's icons.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const { libphonenumberFast } = require('./esbuildPlugins');

const { root, servicePackageDirs } = require('./packageDirs');

/** The icons of the package's action node, from its folder in nodes/ (the trigger shows them too). */
function iconsOf(dir, nodeDirs) {
	const icons = [];
	for (const nodeDir of nodeDirs) {
		const source = path.join(root, 'nodes', nodeDir);
		if (!fs.existsSync(source)) continue;
		for (const file of fs.readdirSync(source)) {
			if (file.endsWith('.svg')) icons.push(path.join(source, file));
		}
	}
	if (icons.length === 0) throw new Error(`${dir}: no icons found for ${nodeDirs.join(', ')}`);
	return icons;
}

async function buildPackage(dir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const dist = path.join(dir, 'dist');
	fs.rmSync(dist, { recursive: true, force: true });
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((entry) =>
		path.join(dir, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
	);
	await esbuild.build({
		entryPoints: entries,
		outdir: dist,
		outbase: dir,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['n8n-workflow'],
		plugins: [libphonenumberFast],
		legalComments: 'inline',
		logLevel: 'warning',
	});
	const nodeDirs = pkg.n8n.nodes.map((entry) => path.basename(path.dirname(entry)));
	const icons = iconsOf(dir, nodeDirs);
	for (const nodeDir of nodeDirs) {
		const out = path.join(dist, 'nodes', nodeDir);
		fs.copyFileSync(
			path.join(dir, 'nodes', nodeDir, `${nodeDir}.node.json`),
			path.join(out, `${nodeDir}.node.json`),
		);
		for (const icon of icons) fs.copyFileSync(icon, path.join(out, path.basename(icon)));
	}
	console.log(`built ${pkg.name}: ${entries.length} entries`);
}

(async () => {
	for (const dir of servicePackageDirs()) await buildPackage(dir);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
