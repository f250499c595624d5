import { dirname, join, relative, sep } from 'node:path';
import * as ts from 'typescript';

// The Docker image ships dist/apps/api and dist/apps/worker, which `tsc -p
// apps/<app>/tsconfig.app.json` fills with every file the program reaches: a fixture that a
// production file imported (or that the tsconfig forgot to exclude) would end up there and
// drag the test helpers, factories and test databases with it. The compiler's own file list
// is the build's, without spending a minute emitting it.
const ROOT = join(__dirname, '..');

/** Test support by naming scheme: specs, fixtures, `test/`, `testing/` and `trust/` folders. */
const TEST_SUPPORT = [
  /\.spec\.tsx?$/,
  /\.fixtures?\.ts$/,
  /(^|\/)(test|testing|trust)\//,
  /^libs\/testing\//,
  /^apps\/web-e2e\//,
  /^tools\//,
];
/** Test-only packages (devDependencies that must never be reached from production code). */
const TEST_PACKAGES =
  /node_modules\/(@nestjs\/testing|supertest|s3rver|smtp-server|mailparser|jest|@jest|playwright-core)\//;

function buildFiles(tsconfig: string): string[] {
  const path = join(ROOT, tsconfig);
  const { config } = ts.readConfigFile(path, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(path));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return program.getSourceFiles().map((f) => relative(ROOT, f.fileName).split(sep).join('/'));
}

describe.each(['apps/api/tsconfig.app.json', 'apps/worker/tsconfig.app.json'])(
  'production build of %s',
  (tsconfig) => {
    let files: string[];
    beforeAll(() => {
      files = buildFiles(tsconfig);
    }, 120_000);

    it('compiles the app (the file list is real)', () => {
      expect(files.filter((f) => /^apps\/\w+\/src\/main\.ts$/.test(f))).toHaveLength(1);
    });

    it('contains no test support file', () => {
      const own = files.filter((f) => !f.includes('node_modules/'));
      expect(own.filter((f) => TEST_SUPPORT.some((p) => p.test(f)))).toEqual([]);
    });

    it('reaches no test-only package', () => {
      expect(files.filter((f) => TEST_PACKAGES.test(f))).toEqual([]);
    });
  },
);
