#!/usr/bin/env node
'use strict';
// n8n 3.0 is not on npm (Docker only), so it cannot be run here: this checks the built package
// and the templates against its published breaking changes instead (n8n-docs
// docs/changelog/v30-breaking-changes.md, ../shared/providers.md "n8n versions"):
// - `defaults.color` is removed from node descriptions (`iconColor` or SVG icons instead);
// - AI Agent v1 is removed: every agent in a template must be version 2 or later;
// - `$getPairedItem` is removed from expressions and code.
// `--self-test` first proves each check flags a deliberate violation.
const fs = require('fs');
const path = require('path');

const { allPackageDirs } = require('./packageDirs');

const root = path.resolve(__dirname, '..');

/** Findings for one node description. */
function descriptionFindings(name, description) {
	return description?.defaults && 'color' in description.defaults
		? [`${name}: defaults.color is removed in n8n 3 (use iconColor or the SVG icon)`]
		: [];
}

/** Findings for one workflow template. */
function templateFindings(file, workflow) {
	const findings = [];
	for (const node of workflow.nodes ?? []) {
		if (node.type === '@n8n/n8n-nodes-langchain.agent' && Number(node.typeVersion) < 2) {
			findings.push(`${file}: "${node.name}" is AI Agent v${node.typeVersion}, removed in n8n 3`);
		}
	}
	if (JSON.stringify(workflow).includes('$getPairedItem')) {
		findings.push(`${file}: $getPairedItem is removed in n8n 3`);
	}
	return findings;
}

function sourceFindings(file, text) {
	return text.includes('$getPairedItem') ? [`${file}: $getPairedItem is removed in n8n 3`] : [];
}

function jsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

const packageDirs = allPackageDirs();

function checkPackage(dir) {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const findings = [];
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		const loaded = require(path.join(dir, file));
		for (const Exported of Object.values(loaded)) {
			if (typeof Exported !== 'function') continue;
			const instance = new Exported();
			findings.push(...descriptionFindings(`${manifest.name}: ${file}`, instance.description));
		}
	}
	for (const file of jsFiles(path.join(dir, 'dist'))) {
		if (file.includes(`${path.sep}vendor${path.sep}`)) continue;
		findings.push(...sourceFindings(path.relative(root, file), fs.readFileSync(file, 'utf8')));
	}
	return findings;
}

function checkTemplates() {
	const findings = [];
	const templates = path.join(root, 'workflows');
	for (const file of fs.readdirSync(templates).filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(path.join(templates, file), 'utf8'));
		findings.push(...templateFindings(`workflows/${file}`, workflow));
	}
	return findings;
}

function selfTest() {
	const flagged = [
		...descriptionFindings('fake', { defaults: { name: 'x', color: '#25D366' } }),
		...templateFindings('fake.json', {
			nodes: [{ name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 1.9 }],
		}),
		...templateFindings('fake2.json', {
			nodes: [{ parameters: { x: '={{ $getPairedItem() }}' } }],
		}),
	];
	if (flagged.length !== 3) {
		console.error(`check-n8n3 self-test FAILED: ${JSON.stringify(flagged)}`);
		process.exit(1);
	}
	console.log('check-n8n3 self-test: the three deliberate violations are flagged, as they must be');
}

if (process.argv.includes('--self-test')) selfTest();
const findings = [...packageDirs.flatMap(checkPackage), ...checkTemplates()];
if (findings.length > 0) {
	console.error(`n8n 3 breaking changes found:\n- ${findings.join('\n- ')}`);
	process.exit(1);
}
console.log(
	`n8n 3 static check, ${packageDirs.length} packages: no defaults.color, no AI Agent v1 in the templates, no $getPairedItem`,
);
