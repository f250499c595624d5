module.exports = {
  displayName: 'deploy',
  ...require('../jest.preset.cjs'),
  rootDir: __dirname,
};
