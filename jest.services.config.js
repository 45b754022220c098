/** @type {import('jest').Config} */
// The tests that need a Redis server (TEST_REDIS_URL, else 127.0.0.1:6379): same setup as jest.config.js.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/services'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 90000,
  maxWorkers: 1,
};
