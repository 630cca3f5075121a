'use strict';
// esbuild plugins of the build (gulpfile.js: the all-in-one's vendor bundles; scripts/build-packages.js:
// the single-service packages).
const fs = require('fs');
const path = require('path');

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
 * Edits to libphonenumber-js's es6-modern files, by path inside that folder. The `helpers/` ones
 * build a regular expression from a metadata pattern on every call and now compile it once:
 * none is global or sticky, so one shared RegExp keeps no state between calls, and each module
 * wraps its patterns one way, so the pattern alone is the key (a metadata string, whose hash V8
 * keeps: no string is built and hashed per call). Every parse copies its options through babel's
 * `_extends` (Object.assign, bound and applied); a native spread makes the same new object.
 */
const edits = {
	'helpers/matchesEntirely.js': {
		from: "new RegExp('^(?:' + regularExpressionText + ')$')",
		to: "compiledOnce('^(?:', regularExpressionText, ')$')",
		helper: compiledOnce,
	},
	'helpers/extractNationalNumberFromPossiblyIncompleteNumber.js': {
		from: "new RegExp('^(?:' + metadata.numberingPlan.nationalPrefixForParsing() + ')')",
		to: "compiledOnce('^(?:', metadata.numberingPlan.nationalPrefixForParsing(), ')')",
		helper: compiledOnce,
	},
	'helpers/stripIddPrefix.js': {
		from: 'new RegExp(metadata.IDDPrefix())',
		to: "compiledOnce('', metadata.IDDPrefix(), '')",
		helper: compiledOnce,
	},
	'parsePhoneNumberWithError_.js': {
		from: '_extends({}, options, {\n    v2: true\n  })',
		to: '{ ...options, v2: true }',
		helper: '',
	},
};

/**
 * libphonenumber-js, bundled for speed (every send parses its recipient): its own es6-modern
 * build (native object spread, where the es6 build calls babel helpers for every parse), with
 * the edits above. Same library, same metadata, same answers (test/vendorPhone.test.ts compares
 * the bundle with the library). The text an edit replaces must be found exactly once: an
 * upgrade that changes it fails the build until someone reads the file again.
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
		build.onLoad({ filter: /libphonenumber-js[\\/]es6-modern[\\/].+\.js$/ }, (args) => {
			const file = args.path
				.split(`${path.sep}es6-modern${path.sep}`)
				.pop()
				.split(path.sep)
				.join('/');
			const change = edits[file];
			if (change === undefined) return undefined;
			const source = fs.readFileSync(args.path, 'utf8');
			const found = source.split(change.from).length - 1;
			if (found !== 1) {
				throw new Error(
					`${args.path}: expected ${change.from} once, found ${found}; read it again`,
				);
			}
			return {
				loader: 'js',
				contents: change.helper + source.replace(change.from, () => change.to),
			};
		});
	},
};

module.exports = { libphonenumberFast };
