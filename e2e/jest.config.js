/** `npm run test:e2e`: the workflow templates in a real n8n 2.41.1 (see e2e/n8n.js). */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	// Installing n8n the first time takes minutes; each request then takes well under a second.
	testTimeout: 60_000,
};
