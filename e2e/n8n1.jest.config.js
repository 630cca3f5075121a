/** `npm run test:e2e:n8n1`: the package and its templates in a real n8n 1.123 (see e2e/n8n1.js). */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/**/*.n8n1.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 60_000,
};
