module.exports = {
  displayName: 'certificate-pdf',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
};
