module.exports = {
  displayName: 'db',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  // The migration spec applies, reverts and re-applies every migration: seconds on a quiet
  // machine, more than Jest's 5 s default when other work shares the 2 cores.
  testTimeout: 60_000,
};
