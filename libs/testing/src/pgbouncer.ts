import { ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { postgresOwnedDir } from './postgres-cluster';
import { freePort, stopped } from './processes';

export interface PgBouncerOptions {
  /** PostgreSQL server every database name is forwarded to (its host, port, user, password). */
  serverUrl: string;
  poolMode?: 'transaction' | 'session';
  /** Server connections per database and user (PgBouncer's default_pool_size). */
  poolSize?: number;
}

/**
 * A real PgBouncer (Debian package) on a loopback port in front of `serverUrl`. It runs as
 * the postgres user when we are root (PgBouncer refuses root). `SHOW POOLS`/`SHOW STATS`
 * through `adminUrl()` tell a test how many server connections it really used.
 */
export class PgBouncerTestServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly home: string,
  ) {}

  static async start(opts: PgBouncerOptions): Promise<PgBouncerTestServer> {
    const server = new URL(opts.serverUrl);
    const home = postgresOwnedDir('dx-pgbouncer-');
    const port = await freePort();
    const user = decodeURIComponent(server.username || 'postgres');
    const password = decodeURIComponent(server.password);
    const backend = [
      `host=${server.hostname}`,
      `port=${server.port || 5432}`,
      `user=${user}`,
      password ? `password=${password}` : '',
    ].join(' ');
    writeFileSync(join(home, 'userlist.txt'), `"${user}" "${password}"\n`, { mode: 0o644 });
    writeFileSync(
      join(home, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = ${backend}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(home, 'userlist.txt')}`,
        `admin_users = ${user}`,
        `pool_mode = ${opts.poolMode ?? 'transaction'}`,
        `default_pool_size = ${opts.poolSize ?? 10}`,
        'max_client_conn = 2000',
        // node-postgres and TypeORM may send these; PgBouncer would refuse the connection.
        'ignore_startup_parameters = extra_float_digits,options',
        `logfile = ${join(home, 'pgbouncer.log')}`,
        `pidfile = ${join(home, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    const bouncer = new PgBouncerTestServer(port, home);
    await bouncer.launch();
    return bouncer;
  }

  private async launch(): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    const bin = '/usr/sbin/pgbouncer';
    const args = [...(asRoot ? ['-u', 'postgres'] : []), join(this.home, 'pgbouncer.ini')];
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    this.child = child;
    const deadline = Date.now() + 15_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null)
        throw new Error(`pgbouncer exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline)
        throw new Error(`pgbouncer did not listen on ${this.port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The URL of `database` through the pooler. */
  url(database: string, user = 'postgres'): string {
    return `postgres://${user}@127.0.0.1:${this.port}/${database}`;
  }

  /** PgBouncer's admin console (SHOW POOLS, SHOW STATS…). */
  adminUrl(user = 'postgres'): string {
    return this.url('pgbouncer', user);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) {
      child.kill('SIGINT'); // immediate shutdown
      await stopped(child);
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
