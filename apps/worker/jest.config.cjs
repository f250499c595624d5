module.exports = {
  displayName: 'worker',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  testTimeout: 30_000,
  // The Verifiable Credential packages ship ESM only (Node >= 20.19 require()s them,
  // Jest's CommonJS runtime cannot): SWC turns them into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@digitalbazaar|@digitalcredentials|ky|base58-universal|base64url-universal)/)'],
};
