const path = require('path');
const { src, dest, parallel } = require('gulp');

const { libphonenumberFast } = require('./scripts/esbuildPlugins');

/** Icons and codex files sit beside each node; n8n reads them from dist. */
function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

/**
 * n8n does not promise libphonenumber-js or zod to community packages, so the one module that
 * imports each (nodes/shared/vendor/) is bundled; everything else stays plain tsc output.
 */
async function bundleVendor() {
	const esbuild = require('esbuild');
	await esbuild.build({
		plugins: [libphonenumberFast],
		entryPoints: ['libphonenumber', 'zod'].map((name) =>
			path.join(__dirname, `nodes/shared/vendor/${name}.ts`),
		),
		outdir: path.join(__dirname, 'dist/nodes/shared/vendor'),
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		legalComments: 'inline',
		logLevel: 'warning',
	});
}

exports['build:assets'] = parallel(copyAssets, bundleVendor);
