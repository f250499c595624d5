module.exports = {
  displayName: 'worker',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  testTimeout: 30_000,
  // Each spec boots its own worker on its own database and queue prefix, so two run side by
  // side safely; one at a time (Jest's default on 2 cores) cost about 70 s of `npm test`.
  maxWorkers: 2,
  // The Verifiable Credential packages ship ESM only (Node >= 20.19 require()s them,
  // Jest's CommonJS runtime cannot): SWC turns them into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@digitalbazaar|@digitalcredentials|ky|base58-universal|base64url-universal)/)'],
};
