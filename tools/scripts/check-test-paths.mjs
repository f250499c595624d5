#!/usr/bin/env node
// Every spec file runs in exactly one of the two test paths: `npm test` (the nx targets `test`
// and `e2e`) or `npm run test:ha` (the `test-ha` targets: drills that start and kill engines of
// their own). A drill is a spec in a project's `src/ha/` folder or named `*.ha.spec.ts`
// (jest.preset.cjs). This asks Jest itself which files each target's config picks up, so a
// spec no target runs, or one both paths run, fails `npm test` instead of going unnoticed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/util.mjs';

const SPEC = /\.(spec|test)\.tsx?$|\.e2e-spec\.ts$/;
const DRILL = /(^|\/)src\/ha\/.*\.spec\.ts$|\.ha\.spec\.ts$/;
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');
const PATHS = { 'npm test': ['test', 'e2e'], 'npm run test:ha': ['test-ha'] };

const git = (...args) => {
  const res = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout.split('\n').filter(Boolean);
};

/** The jest configs (and env) that a path's nx targets run, read from every project.json. */
function jestRuns(targetNames) {
  const runs = [];
  for (const file of git(
    'ls-files',
    '--cached',
    '--others',
    '--exclude-standard',
    '*project.json',
  )) {
    const { targets = {} } = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    for (const name of targetNames) {
      const options = targets[name]?.options ?? {};
      const config = /(?:^|\s)(?:-c|--config)[\s=](\S+)/.exec(options.command ?? '')?.[1];
      if (targets[name] && !config)
        throw new Error(`${file}: target "${name}" runs no "jest -c <config>" this check can read`);
      if (config) runs.push({ config, env: options.env ?? {} });
    }
  }
  return runs;
}

/** Repository-relative paths of the spec files Jest would run for these configs. */
function listed(runs) {
  const files = new Set();
  // One Jest process per environment, listing every config as a project: it starts once.
  const byEnv = new Map();
  for (const { config, env } of runs) {
    const key = JSON.stringify(env);
    byEnv.set(key, [...(byEnv.get(key) ?? []), config]);
  }
  for (const [env, configs] of byEnv) {
    const res = spawnSync(
      process.execPath,
      [JEST, '--listTests', '--json', '--projects', ...configs],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DX_TEST_SET: '', ...JSON.parse(env) } },
    );
    if (res.status !== 0) throw new Error(`jest --listTests ${configs} failed: ${res.stderr}`);
    for (const file of JSON.parse(res.stdout)) files.add(relative(ROOT, file));
  }
  return files;
}

const sets = Object.fromEntries(
  Object.entries(PATHS).map(([path, targets]) => [path, listed(jestRuns(targets))]),
);
const problems = [];
for (const file of git('ls-files', '--cached', '--others', '--exclude-standard')) {
  if (!SPEC.test(file)) continue;
  const inPaths = Object.keys(sets).filter((path) => sets[path].has(file));
  const expected = DRILL.test(file) ? 'npm run test:ha' : 'npm test';
  if (inPaths.length === 0) problems.push(`${file}: run by neither npm test nor npm run test:ha`);
  else if (inPaths.length > 1) problems.push(`${file}: run by both npm test and npm run test:ha`);
  else if (inPaths[0] !== expected)
    problems.push(`${file}: run by ${inPaths[0]}, belongs to ${expected}`);
}
if (problems.length > 0) {
  console.error(`[check-test-paths] ${problems.length} spec file(s) in the wrong test path:`);
  for (const line of problems) console.error(`  ${line}`);
  console.error(
    '  drills go in a src/ha/ folder or *.ha.spec.ts and a project target "test-ha"; the rest in "test"',
  );
  process.exit(1);
}
const counts = Object.entries(sets)
  .map(([path, files]) => `${files.size} in ${path}`)
  .join(', ');
console.log(`[check-test-paths] every spec file runs in exactly one path (${counts})`);
