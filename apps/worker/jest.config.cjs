module.exports = {
  displayName: 'worker',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  testTimeout: 30_000,
};
