'use strict';
// The packages this repository publishes: the all-in-one at the root, and each single-service
// package in packages/ (a folder with its own package.json).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** The single-service packages' folders. */
function servicePackageDirs() {
	return fs
		.readdirSync(path.join(root, 'packages'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => path.join(root, 'packages', entry.name));
}

/** Every published package's folder, the all-in-one first. */
const allPackageDirs = () => [root, ...servicePackageDirs()];

module.exports = { root, servicePackageDirs, allPackageDirs };
