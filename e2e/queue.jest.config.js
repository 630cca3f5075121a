/** `npm run test:e2e:queue`: n8n 2.41.1 in queue mode (see e2e/queue.js). */
module.exports = {
	rootDir: '..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/**/*.queue.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 120_000,
};
