module.exports = {
  displayName: 'certificate-pdf',
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  // Rendering and signing real PDFs takes seconds on a loaded shared machine.
  testTimeout: 30_000,
  // The Verifiable Credential packages ship ESM only: SWC turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@digitalbazaar|@digitalcredentials|ky|base58-universal|base64url-universal)/)'],
};
