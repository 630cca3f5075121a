/** `npm run bench`: not part of `npm test`. */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['**/bench/*.bench.ts'],
	testTimeout: 900000,
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
};
