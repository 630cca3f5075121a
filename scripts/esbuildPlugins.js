'use strict';
// esbuild plugins of the build (gulpfile.js: the all-in-one's vendor bundles; scripts/build-packages.js:
// the single-service packages).
const fs = require('fs');
const path = require('path');

/**
 * The libphonenumber-js helpers that build a regular expression from a metadata pattern on every
 * call, each rewritten to compile it once. The text to replace must be found exactly once (an
 * upgrade that changes it fails the build until someone reads it again). None of these
 * expressions is global or sticky, so one shared RegExp keeps no state between calls; each
 * module wraps its patterns one way, so the pattern alone is the key (a metadata string, whose
 * hash V8 keeps: no new string is built and hashed per call).
 */
const compiledPerCall = {
	'matchesEntirely.js': [
		"new RegExp('^(?:' + regularExpressionText + ')$')",
		"compiledOnce('^(?:', regularExpressionText, ')$')",
	],
	'extractNationalNumberFromPossiblyIncompleteNumber.js': [
		"new RegExp('^(?:' + metadata.numberingPlan.nationalPrefixForParsing() + ')')",
		"compiledOnce('^(?:', metadata.numberingPlan.nationalPrefixForParsing(), ')')",
	],
	'stripIddPrefix.js': [
		'new RegExp(metadata.IDDPrefix())',
		"compiledOnce('', metadata.IDDPrefix(), '')",
	],
};

const compiledOnce = `const compiledPatterns = new Map();
// Each metadata pattern compiled once (the metadata holds a bounded set of them): V8's own
// cache of compiled expressions is emptied by garbage collection, which inside n8n runs often.
function compiledOnce(before, pattern, after) {
	let regexp = compiledPatterns.get(pattern);
	if (regexp === undefined) {
		regexp = new RegExp(before + pattern + after);
		compiledPatterns.set(pattern, regexp);
	}
	return regexp;
}
`;

/**
 * libphonenumber-js, bundled for speed (every send parses its recipient): its own es6-modern build
 * (native object spread, where the es6 build calls babel helpers for every parse), and the
 * helpers above with each pattern compiled once instead of on every call. Same library, same
 * metadata, same answers (test/vendorPhone.test.ts compares the bundle with the library).
 */
const libphonenumberFast = {
	name: 'libphonenumber-fast',
	setup(build) {
		build.onResolve({ filter: /\/es6\// }, (args) => {
			const full = path.resolve(args.resolveDir, args.path);
			if (!full.includes(`${path.sep}libphonenumber-js${path.sep}es6${path.sep}`)) return undefined;
			return {
				path: full.replace(`${path.sep}es6${path.sep}`, `${path.sep}es6-modern${path.sep}`),
			};
		});
		build.onLoad(
			{ filter: /libphonenumber-js[\\/]es6-modern[\\/]helpers[\\/][^\\/]+\.js$/ },
			(args) => {
				const edit = compiledPerCall[path.basename(args.path)];
				if (edit === undefined) return undefined;
				const [from, to] = edit;
				const source = fs.readFileSync(args.path, 'utf8');
				const found = source.split(from).length - 1;
				if (found !== 1) {
					throw new Error(`${args.path}: expected ${from} once, found ${found}; read it again`);
				}
				return { loader: 'js', contents: compiledOnce + source.replace(from, () => to) };
			},
		);
	},
};

module.exports = { libphonenumberFast };
