module.exports = {
  displayName: 'db',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
};
