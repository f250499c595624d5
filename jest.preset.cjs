// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for NestJS),
// and the tsconfig path aliases resolve to the libs' sources.
const { resolve } = require('node:path');

const root = __dirname;

// Drill specs start engines of their own (a streaming replica, PgBouncer, Redis Sentinel) and
// kill them, or take PostgreSQL/Redis away from a running app (fault drills): they take
// minutes, so they run in `npm run test:ha` (the `test-ha` targets, with
// DX_TEST_SET=ha) and `npm test` leaves them out. A drill lives in a project's `src/ha/` folder
// or is named `*.ha.spec.ts`; tools/scripts/check-test-paths.mjs checks the two sets.
const drills = process.env.DX_TEST_SET === 'ha';
const DRILL_GLOBS = ['<rootDir>/src/ha/**/*.spec.ts', '**/*.ha.spec.ts'];
const DRILL_PATTERNS = ['<rootDir>/src/ha/', '\\.ha\\.spec\\.ts$'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@dx/contracts$': resolve(root, 'libs/contracts/src/index.ts'),
    '^@dx/config$': resolve(root, 'libs/config/src/index.ts'),
    '^@dx/db$': resolve(root, 'libs/db/src/index.ts'),
    '^@dx/db/testing$': resolve(root, 'libs/db/src/testing/index.ts'),
    '^@dx/queues$': resolve(root, 'libs/queues/src/index.ts'),
    '^@dx/storage$': resolve(root, 'libs/storage/src/index.ts'),
    '^@dx/certificate-pdf$': resolve(root, 'libs/certificate-pdf/src/index.ts'),
    // The certificates feature's own lib (key ring): it owns certificate and signing_key.
    '^@dx/certificates$': resolve(root, 'libs/certificates/src/index.ts'),
    '^@dx/reports$': resolve(root, 'libs/reports/src/index.ts'),
    '^@dx/testing$': resolve(root, 'libs/testing/src/index.ts'),
  },
  testMatch: drills ? DRILL_GLOBS : ['**/?(*.)+(spec|test).ts?(x)'],
  testPathIgnorePatterns: drills ? ['/node_modules/'] : ['/node_modules/', ...DRILL_PATTERNS],
};
