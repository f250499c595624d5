module.exports = {
  displayName: 'api',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30_000,
  // Integration specs boot the whole API; two at a time suits a 2-core machine.
  maxWorkers: 2,
};
