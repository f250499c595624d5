/** Unit tests of the web app's pure logic (API error parsing, i18n catalogues). */
module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Values (constants, enums) of the shared contracts, like Vite's alias does for the app.
  moduleNameMapper: {
    '^@dx/contracts$': `${__dirname}/../../libs/contracts/src/index.ts`,
  },
};
