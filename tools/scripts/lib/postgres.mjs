// Chooses a PostgreSQL server for dev-env.mjs, starting a project-local one when needed.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT, LOCAL, isRoot, capture, fail, log, redact, sleep, which } from './util.mjs';

export const LOCAL_PG_PORT = 54329;
const DEFAULT_PROBE = 'postgres://postgres@127.0.0.1:5432/postgres';
const PKG_DIR = '/usr/lib/postgresql';

// `pg` is only loadable after `npm ci`, so it is required lazily.
let pgModule;
const pg = () => (pgModule ??= createRequire(join(ROOT, 'package.json'))('pg'));

export const withDatabase = (url, db) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(db)}`;
  return u.toString();
};
const localUrl = (db = 'postgres') => `postgres://postgres@127.0.0.1:${LOCAL_PG_PORT}/${db}`;

/** Connects and runs `select 1`; resolves with null on success or the error. */
export async function probePostgres(url, timeoutMs = 3000) {
  const client = new (pg().Client)({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  let connected = false;
  try {
    await client.connect();
    connected = true;
    await client.query('select 1');
    return null;
  } catch (err) {
    return err;
  } finally {
    if (connected) await client.end().catch(() => undefined); // closing a probe: nothing to report
  }
}

/** Creates database `db` on the server of `serverUrl` when it does not exist yet. */
export async function ensureDatabase(serverUrl, db) {
  const client = new (pg().Client)({
    connectionString: withDatabase(serverUrl, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    const found = await client.query('select 1 from pg_database where datname = $1', [db]);
    if (found.rowCount === 0) {
      await client.query(`create database "${db.replace(/"/g, '""')}"`);
      log(`created database ${db}`);
    }
  } catch (err) {
    if (err.code !== '42P04')
      fail(
        `could not create database ${db} on ${redact(serverUrl)}: ${err.message} (create it yourself or use a role allowed to CREATE DATABASE)`,
      );
  } finally {
    await client.end().catch(() => undefined); // closing a probe: nothing to report
  }
}

/** Installed server versions under /usr/lib/postgresql, highest first. */
function installedVersions() {
  if (!existsSync(PKG_DIR)) return [];
  return readdirSync(PKG_DIR)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(PKG_DIR, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
}
function findBinDir() {
  const [highest] = installedVersions();
  if (highest) return join(PKG_DIR, highest, 'bin');
  const initdb = which('initdb');
  return initdb ? dirname(initdb) : null;
}

/**
 * Decides which server to use. Resolves with { url, source } for a reachable server, or with
 * { needsStart: true, packages } when a project-local server must be started.
 */
export async function planPostgres() {
  const given = process.env.DATABASE_URL;
  if (given) {
    const err = await probePostgres(given);
    if (!err || err.code === '3D000')
      return { url: given, source: 'DATABASE_URL', missingDb: Boolean(err) };
    fail(
      `DATABASE_URL (${redact(given)}) is unreachable: ${err.message} — start that server, fix the URL, or unset DATABASE_URL to use a local one`,
    );
  }
  const probe = process.env.DX_PG_PROBE_URL || DEFAULT_PROBE;
  const err = await probePostgres(probe);
  if (!err) return { url: probe, source: 'existing server' };
  if (!(await probePostgres(localUrl())))
    return { url: localUrl(), source: 'project-local server, already running' };
  log(
    `no PostgreSQL at ${redact(probe)} (${err.message || err.code}); using a project-local server on port ${LOCAL_PG_PORT}`,
  );
  return { needsStart: true, packages: findBinDir() ? [] : ['postgresql'] };
}

/** Where the local cluster lives: .local/postgres, unless the postgres user cannot reach it. */
function baseDir(asPg) {
  const preferred = join(LOCAL, 'postgres');
  mkdirSync(preferred, { recursive: true });
  if (!isRoot) return preferred;
  const ids = pgUserIds();
  chownSync(preferred, ids.uid, ids.gid);
  if (capture(...asPg('test', ['-w', preferred])).status === 0) return preferred;
  // e.g. a clone under /root (mode 700): keep the cluster where the postgres user can write.
  const fallback = join(
    '/var/tmp',
    `dx-academy-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`,
    'postgres',
  );
  mkdirSync(fallback, { recursive: true });
  chownSync(fallback, ids.uid, ids.gid);
  log(`the postgres user cannot write to ${preferred}; keeping the local cluster in ${fallback}`);
  return fallback;
}
function pgUserIds() {
  const uid = capture('id', ['-u', 'postgres']);
  const gid = capture('id', ['-g', 'postgres']);
  if (uid.status !== 0 || gid.status !== 0) {
    fail(
      'PostgreSQL refuses to run as root and there is no "postgres" system user: create one (useradd --system --create-home postgres) or set DATABASE_URL',
    );
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** Initialises (once) and starts the project-local cluster; resolves with its maintenance URL. */
export async function startLocalPostgres() {
  if (isRoot && !which('runuser', ['/usr/sbin', '/sbin']))
    fail(
      'running as root needs "runuser" (Debian package util-linux) to start PostgreSQL as the postgres user',
    );
  const asPg = (cmd, args) =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const base = baseDir(asPg);
  const data = join(base, 'data');
  const opts = { cwd: base };

  let bin = findBinDir();
  if (existsSync(join(data, 'PG_VERSION'))) {
    const version = readFileSync(join(data, 'PG_VERSION'), 'utf8').trim();
    if (existsSync(join(PKG_DIR, version, 'bin', 'pg_ctl'))) bin = join(PKG_DIR, version, 'bin');
    else if (installedVersions().length > 0)
      fail(
        `${data} was created by PostgreSQL ${version}, which is not installed: apt-get install postgresql-${version}, or delete ${base} to start afresh`,
      );
  } else {
    if (!bin)
      fail(
        'PostgreSQL server binaries not found: apt-get install postgresql (or set DATABASE_URL)',
      );
    log(`initialising a PostgreSQL cluster in ${data}`);
    const locale = process.platform === 'linux' ? ['--locale=C.UTF-8'] : ['--no-locale'];
    const init = capture(
      ...asPg(join(bin, 'initdb'), [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        ...locale,
      ]),
      opts,
    );
    if (init.status !== 0) {
      process.stderr.write(init.stdout + init.stderr);
      fail(`initdb failed (output above): fix the cause or delete ${data}, then try again`);
    }
    appendFileSync(join(data, 'postgresql.conf'), "\ninclude_if_exists = 'dx-academy.conf'\n");
  }

  // Rewritten at every start, so a moved checkout still gets the right socket directory.
  const socketDir = join(base, `.s.PGSQL.${LOCAL_PG_PORT}`).length < 100 ? base : '';
  const conf = join(data, 'dx-academy.conf');
  writeFileSync(
    conf,
    [
      '# written by tools/scripts/dev-env.mjs on every start',
      "listen_addresses = '127.0.0.1'",
      `port = ${LOCAL_PG_PORT}`,
      `unix_socket_directories = '${socketDir.replace(/'/g, "''")}'`,
      'synchronous_commit = off',
      '',
    ].join('\n'),
  );
  if (isRoot) chownSync(conf, pgUserIds().uid, pgUserIds().gid);

  const pgCtl = join(bin, 'pg_ctl');
  const logFile = join(base, 'server.log');
  const running = capture(...asPg(pgCtl, ['status', '-D', data]), opts).status === 0;
  const action = running ? ['restart', '-m', 'fast'] : ['start'];
  const res = capture(
    ...asPg(pgCtl, [...action, '-w', '-t', '60', '-D', data, '-l', logFile]),
    opts,
  );
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    fail(`could not start the local PostgreSQL (port ${LOCAL_PG_PORT} in use?): see ${logFile}`);
  }
  for (let i = 0; i < 60; i++) {
    if (!(await probePostgres(localUrl()))) {
      log(
        `started project-local PostgreSQL on 127.0.0.1:${LOCAL_PG_PORT} (data in ${data}, log in ${logFile})`,
      );
      return localUrl();
    }
    await sleep(500);
  }
  fail(
    `the local PostgreSQL started but accepts no connections on port ${LOCAL_PG_PORT}: see ${logFile}`,
  );
}
