module.exports = {
  displayName: 'storage',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
};
