#!/usr/bin/env node
// n8n's verification scan, run here on every CI run for every package (the all-in-one and each
// single-service package in packages/): @n8n/scan-community-package lints the attested source
// (package.json, {nodes,credentials}/**/*.{js,ts,json}, in the folder whose package.json names the
// package) and the published tarball (**/*.js, package.json) with its community-node rules,
// inline eslint-disable comments ignored. Its third leg, npm provenance, needs the package on npm and stays with the publish
// workflow. `--self-test` first proves the check can fail: a package with a deliberate
// violation must be flagged, or this script fails.
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

import packages from './packageDirs.js';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { allPackageDirs } = packages;

/** The all-in-one at the root and each single-service package in packages/, as n8n scans each. */
const packageDirs = allPackageDirs();

/** A package as npm publishes it, unpacked into a temporary folder. */
function unpackedTarball(packageDir) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-scan-'));
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
			cwd: packageDir,
			encoding: 'utf8',
		}),
	);
	execFileSync('tar', ['-xzf', path.join(dir, pack.filename), '-C', dir, '--strip-components=1']);
	return dir;
}

/** A copy of the source with one deliberate violation: a runtime dependency and a Node import. */
function violatingCopy() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-scan-bad-'));
	fs.cpSync(path.join(root, 'nodes'), path.join(dir, 'nodes'), { recursive: true });
	fs.cpSync(path.join(root, 'credentials'), path.join(dir, 'credentials'), { recursive: true });
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ ...pkg, dependencies: { axios: '^1.0.0' } }, null, 2),
	);
	fs.writeFileSync(
		path.join(dir, 'nodes', 'shared', 'deliberateViolation.ts'),
		"// eslint-disable-next-line\nimport { readFileSync } from 'fs';\nexport const leak = readFileSync;\n",
	);
	return dir;
}

async function leg(name, dir, patterns, { mustFail = false } = {}) {
	const result = await analyzePackage(dir, patterns);
	const verdict = result.passed ? 'passed' : mustFail ? 'flagged, as it must be' : 'FAILED';
	console.log(`${verdict}: ${name}`);
	if (!result.passed) console.log(result.details ?? result.message);
	return result.passed;
}

if (process.argv.includes('--self-test')) {
	const passed = await leg(
		'self-test, a deliberate violation',
		violatingCopy(),
		SOURCE_FILE_PATTERNS,
		{
			mustFail: true,
		},
	);
	if (passed) {
		console.error('The scanner did not flag a deliberate violation: the check cannot fail.');
		process.exit(1);
	}
}
let allPassed = true;
for (const dir of packageDirs) {
	const { name } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const source = await leg(
		`${name}: source (package.json, nodes, credentials)`,
		dir,
		SOURCE_FILE_PATTERNS,
	);
	const tarball = await leg(
		`${name}: published tarball (**/*.js, package.json)`,
		unpackedTarball(dir),
		['**/*.js', 'package.json'],
	);
	allPassed &&= source && tarball;
}
process.exit(allPassed ? 0 : 1);
