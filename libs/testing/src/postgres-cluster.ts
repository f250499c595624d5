import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const PKG_DIR = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;

/** Server binaries of the highest installed Debian PostgreSQL (the bootstrap installs it). */
export function postgresBinDir(): string {
  const versions = existsSync(PKG_DIR)
    ? readdirSync(PKG_DIR)
        .filter((v) => existsSync(join(PKG_DIR, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL server binaries missing: apt-get install postgresql');
  return join(PKG_DIR, versions[0], 'bin');
}

/** Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses root). */
export function runPgTool(tool: string, args: string[]): string {
  const bin = join(postgresBinDir(), tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/tmp' });
  if (res.status !== 0)
    throw new Error(`${tool} ${args.join(' ')} failed: ${res.stdout}${res.stderr}`);
  return res.stdout;
}

/** A directory the postgres user owns (a cluster's home). */
export function postgresOwnedDir(prefix: string): string {
  const dir = mkdtempSync(join('/tmp', prefix));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  return dir;
}

/**
 * One PostgreSQL server of a test's own (its data directory, loopback port, trust
 * authentication), started and stopped with pg_ctl like an operator would.
 */
export class PostgresTestCluster {
  readonly data: string;

  constructor(
    readonly home: string,
    readonly port: number,
  ) {
    this.data = join(home, 'data');
  }

  /** initdb, with the settings a streaming primary needs. */
  static init(home: string, port: number): PostgresTestCluster {
    const cluster = new PostgresTestCluster(home, port);
    runPgTool('initdb', [
      '-D',
      cluster.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    cluster.configure([
      'wal_level = replica',
      'max_wal_senders = 5',
      'fsync = off',
      'full_page_writes = off',
    ]);
    return cluster;
  }

  /** Settings appended to postgresql.conf (later lines win), e.g. a standby's own port. */
  configure(lines: string[]): void {
    const socketDir = this.home;
    appendFileSync(
      join(this.data, 'postgresql.conf'),
      [
        '\n# dx-academy test cluster',
        "listen_addresses = '127.0.0.1'",
        `port = ${this.port}`,
        `unix_socket_directories = '${socketDir}'`,
        ...lines,
        '',
      ].join('\n'),
    );
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    mkdirSync(this.home, { recursive: true });
    runPgTool('pg_ctl', [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      this.data,
      '-l',
      join(this.home, 'server.log'),
    ]);
  }

  /** `immediate` = a crash (no shutdown checkpoint), as a lost machine would be. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    runPgTool('pg_ctl', ['stop', '-w', '-m', mode, '-D', this.data]);
  }

  isRunning(): boolean {
    try {
      runPgTool('pg_ctl', ['status', '-D', this.data]);
      return true;
    } catch {
      return false;
    }
  }

  async query<T = Record<string, unknown>>(sql: string, database = 'postgres'): Promise<T[]> {
    const client = new Client({
      connectionString: this.url(database),
      connectionTimeoutMillis: 5_000,
    });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  destroy(): void {
    if (this.isRunning()) this.stop('immediate');
    rmSync(this.home, { recursive: true, force: true });
  }
}
