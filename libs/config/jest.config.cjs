module.exports = {
  displayName: 'config',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
};
