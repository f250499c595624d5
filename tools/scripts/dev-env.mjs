#!/usr/bin/env node
// Development bootstrap for dx-academy: installs dependencies, finds or starts PostgreSQL and
// Redis, exports the environment, then runs one of:
//
//   node tools/scripts/dev-env.mjs start             build api/worker/web and run api + worker
//   node tools/scripts/dev-env.mjs test              lint, typecheck, test and e2e every project
//   node tools/scripts/dev-env.mjs test:ha           the high-availability drills (test-ha targets)
//   node tools/scripts/dev-env.mjs bench             run every project's bench target
//   node tools/scripts/dev-env.mjs exec <cmd> [...]  run a command with the same environment
//
// Only Node built-ins (plus `pg` once node_modules exists). See docs/operations.md.
// Testing hooks: DX_PG_PROBE_URL / DX_REDIS_PROBE_URL replace the default probe addresses
// (127.0.0.1:5432 / 127.0.0.1:6379); DX_SKIP_INSTALL=1 skips the `npm ci` check.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  ROOT,
  LOCAL,
  BootstrapError,
  exists,
  fail,
  log,
  redact,
  runSync,
  runToExit,
  sleep,
} from './lib/util.mjs';
import { installDebianPackages, missingTestTools } from './lib/system-packages.mjs';
import { ensureDatabase, planPostgres, startLocalPostgres, withDatabase } from './lib/postgres.mjs';
import { planRedis, startLocalRedis } from './lib/redis.mjs';

const APP_DB = 'dx_academy';
const SERVICES = [
  ['api', 'dist/apps/api/apps/api/src/main.js'],
  ['worker', 'dist/apps/worker/apps/worker/src/main.js'],
];
const USAGE =
  'usage: node tools/scripts/dev-env.mjs start | test | test:ha | bench | exec <command> [args...]';
const MODES = ['start', 'test', 'test:ha', 'bench', 'exec'];
const startedAt = Date.now();

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ${process.versions.node} is too old: install Node 20.19 or newer`);
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
function ensureNodeModules() {
  if (process.env.DX_SKIP_INSTALL === '1') return;
  const lock = join(ROOT, 'package-lock.json');
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (!exists(lock))
    fail('package-lock.json is missing: run "npm install" once to create it, then try again');
  if (exists(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)');
  const { status } = runSync('npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0)
    fail(
      '"npm ci" failed (see above): check access to the npm registry and that package-lock.json matches package.json',
    );
}

/** JWT secret from .local/jwt-secret, created once with 48 random bytes (never printed). */
function jwtSecret() {
  const file = join(LOCAL, 'jwt-secret');
  if (exists(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(LOCAL, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`generated a JWT secret in ${file}`);
  return secret;
}

/** Finds or starts PostgreSQL and Redis (one apt-get call for everything missing); returns env. */
async function bootstrap(mode) {
  const forTests = ['test', 'test:ha', 'bench'].includes(mode);
  const [pgPlan, redisPlan] = await Promise.all([planPostgres(), planRedis()]);
  installDebianPackages([
    ...(pgPlan.packages ?? []),
    ...(redisPlan.packages ?? []),
    ...(forTests ? missingTestTools(mode) : []),
  ]);

  const pgServer = pgPlan.needsStart ? await startLocalPostgres() : pgPlan.url;
  const redisUrl = redisPlan.needsStart ? await startLocalRedis() : redisPlan.url;

  let databaseUrl;
  if (process.env.DATABASE_URL) {
    databaseUrl = process.env.DATABASE_URL; // used as given, created if the server lacks it
    if (pgPlan.missingDb)
      await ensureDatabase(databaseUrl, decodeURIComponent(new URL(databaseUrl).pathname.slice(1)));
  } else if (forTests) {
    databaseUrl = pgServer; // maintenance database: the suites create and drop their own
  } else {
    await ensureDatabase(pgServer, APP_DB);
    databaseUrl = withDatabase(pgServer, APP_DB);
  }
  log(
    `PostgreSQL: ${redact(databaseUrl)} (${pgPlan.source ?? 'project-local server, started now'})`,
  );
  log(`Redis: ${redact(redisUrl)} (${redisPlan.source ?? 'project-local server, started now'})`);

  const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const setDefault = (name, value) => {
    if (env[name] === undefined || env[name] === '') env[name] = value;
  };
  setDefault('JWT_SECRET', env.JWT_SECRET || jwtSecret());
  setDefault('STORAGE_DIR', join(LOCAL, 'storage'));
  setDefault('PORT', '3000');
  setDefault('PUBLIC_BASE_URL', `http://localhost:${env.PORT}`);
  if (!forTests) setDefault('SEED_DEMO', 'true');
  setDefault('TZ_REPORTS', 'Asia/Ho_Chi_Minh');
  setDefault('NX_DAEMON', 'false');
  setDefault('NX_NO_CLOUD', 'true');
  setDefault('NX_TUI', 'false');
  mkdirSync(resolve(ROOT, env.STORAGE_DIR), { recursive: true }); // children run in ROOT
  return env;
}

/** Polls /api/health until the API answers, then prints the URLs once. */
async function announceWhenUp(env, isStopping) {
  const url = `http://localhost:${env.PORT}`;
  for (let i = 0; i < 240 && !isStopping(); i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${env.PORT}/api/health`, {
        signal: AbortSignal.timeout(2000),
      });
      const note = res.ok ? '' : ` (health check says ${res.status}: see the [api] lines)`;
      log(`dx-academy is up at ${url}  |  API docs: ${url}/api/docs${note}  |  Ctrl-C stops it`);
      return;
    } catch {
      await sleep(500);
    }
  }
  if (!isStopping())
    log(
      `the API has not answered ${url}/api/health after 2 minutes; it should serve ${url} and ${url}/api/docs`,
    );
}

/** Runs api and worker with prefixed output; stops both when either ends or on SIGINT/SIGTERM. */
function runServices(env) {
  for (const [, file] of SERVICES) {
    if (!exists(join(ROOT, file)))
      fail(`${file} is missing after the build: check the api/worker build output paths`);
  }
  const children = new Map();
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal) => {
    for (const child of children.values()) child.kill(signal);
    setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 15000).unref();
  };
  const onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping api and worker`);
    stopAll(signal);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  for (const [name, file] of SERVICES) {
    // Own process group, so a terminal Ctrl-C reaches each child once: through us.
    const child = spawn(process.execPath, [file], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(name, child);
    createInterface({ input: child.stdout }).on('line', (line) =>
      process.stdout.write(`[${name}] ${line}\n`),
    );
    createInterface({ input: child.stderr }).on('line', (line) =>
      process.stderr.write(`[${name}] ${line}\n`),
    );
    child.on('error', (err) => console.error(`[dev-env] could not start ${name}: ${err.message}`));
    child.on('close', (code, signal) => {
      children.delete(name);
      if (!stopping) {
        stopping = true;
        exitCode = code || 1;
        console.error(
          `[dev-env] ${name} exited unexpectedly (${signal ?? `code ${code}`}): stopping the rest; see the [${name}] lines above`,
        );
        stopAll('SIGTERM');
      }
      if (children.size === 0) process.exit(exitCode);
    });
  }
  announceWhenUp(env, () => stopping);
}

const elapsed = () => {
  const s = Math.round((Date.now() - startedAt) / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
};
const nx = (...args) => ['npx', ['nx', 'run-many', ...args, '--outputStyle=stream']];

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  if (!MODES.includes(mode) || (mode === 'exec' && rest.length === 0)) fail(USAGE);
  checkNode();
  // A developer's .env applies to start/exec; test and bench stay hermetic.
  if ((mode === 'start' || mode === 'exec') && exists(join(ROOT, '.env')))
    process.loadEnvFile(join(ROOT, '.env'));
  ensureNodeModules();
  const env = await bootstrap(mode);

  if (mode === 'exec') process.exit(await runToExit(rest[0], rest.slice(1), env));
  if (mode === 'start') {
    const code = await runToExit(...nx('-t', 'build', '-p', 'api', 'worker', 'web'), env);
    if (code !== 0)
      fail(
        `the build failed (exit code ${code}): fix the errors above, then run "npm start" again`,
      );
    return runServices(env);
  }
  const code = await runTargets(mode, env);
  const verdict = code === 0 ? 'passed' : `FAILED (exit code ${code}; see the output above)`;
  log(`${mode} ${verdict} in ${elapsed()}`);
  process.exit(code);
}

/**
 * The nx targets of a test or bench mode; the exit code of the first step that failed, after
 * running them all. Lint and typecheck take two tasks at a time (one core each, no shared
 * state); test suites stay one at a time (nx.json `parallel: 1`): each spawns servers.
 */
async function runTargets(mode, env) {
  if (mode === 'bench') return runToExit(...nx('-t', 'bench'), env);
  const steps = [['node', ['tools/scripts/check-test-paths.mjs']]];
  if (mode === 'test:ha') steps.push(nx('-t', 'test-ha'));
  else steps.push(nx('-t', 'lint', 'typecheck', '--parallel=2'), nx('-t', 'test', 'e2e'));
  let code = 0;
  for (const [command, args] of steps) {
    const stepCode = await runToExit(command, args, env);
    if (code === 0) code = stepCode;
    if (stepCode === 130 || stepCode === 143) break; // Ctrl-C or SIGTERM: stop here
  }
  return code;
}

main().catch((err) => {
  if (err instanceof BootstrapError) console.error(`[dev-env] ERROR: ${err.message}`);
  else console.error(`[dev-env] ERROR: unexpected failure: ${err.stack ?? err}`);
  process.exit(1);
});
