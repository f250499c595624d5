module.exports = {
  displayName: 'api',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30_000,
  // Integration specs boot the whole API; two at a time suits a 2-core machine.
  maxWorkers: 2,
  // marked and sanitize-html's parser (htmlparser2 and its dom* / entities family) ship ESM
  // only. Node >= 20.19 require()s them natively, Jest's CommonJS runtime cannot: let SWC
  // turn them into CommonJS like our own code. So do the Verifiable Credential packages
  // (@digitalbazaar/*, @digitalcredentials/*) and their ESM dependencies.
  transformIgnorePatterns: [
    '/node_modules/(?!(marked|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|@digitalbazaar|@digitalcredentials|ky|base58-universal|base64url-universal)/)',
  ],
};
