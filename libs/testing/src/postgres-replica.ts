import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { postgresOwnedDir, PostgresTestCluster, runPgTool } from './postgres-cluster';
import { freePort } from './processes';

/**
 * A primary and a real streaming replica of it, both of the test's own: initdb for the
 * primary, `pg_basebackup -R` for the standby (Debian's postgresql, as the bootstrap uses).
 * Lag is made for real by pausing WAL replay on the standby.
 */
export class PostgresReplicaPair {
  private constructor(
    readonly primary: PostgresTestCluster,
    readonly replica: PostgresTestCluster,
    readonly database: string,
  ) {}

  /** Starts both; `database` is created on the primary and reaches the replica by streaming. */
  static async start(database = 'dx_replica_test'): Promise<PostgresReplicaPair> {
    const home = postgresOwnedDir('dx-pg-pair-');
    const primary = PostgresTestCluster.init(join(home, 'primary'), await freePort());
    primary.start();
    await primary.query(`CREATE DATABASE ${database}`);
    const replica = new PostgresTestCluster(join(home, 'replica'), await freePort());
    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
    runPgTool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      replica.data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    replica.configure(['hot_standby = on', 'hot_standby_feedback = on']);
    replica.start();
    const pair = new PostgresReplicaPair(primary, replica, database);
    await pair.waitForStreaming();
    return pair;
  }

  get primaryUrl(): string {
    return this.primary.url(this.database);
  }

  get replicaUrl(): string {
    return this.replica.url(this.database);
  }

  /** Resolves once the primary has a streaming WAL sender for the standby. */
  async waitForStreaming(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rows = await this.primary.query(
        `SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'`,
      );
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the standby did not start streaming');
  }

  /** Resolves once the standby has replayed everything the primary has written so far. */
  async waitForCatchUp(timeoutMs = 30_000): Promise<void> {
    const [{ lsn }] = await this.primary.query<{ lsn: string }>(
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [{ done }] = await this.replica.query<{ done: boolean }>(
        `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
      );
      if (done) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the standby did not catch up');
  }

  /** From now on the standby receives WAL but applies none of it: it falls behind for real. */
  async pauseReplay(): Promise<void> {
    await this.replica.query('SELECT pg_wal_replay_pause()');
  }

  async resumeReplay(): Promise<void> {
    await this.replica.query('SELECT pg_wal_replay_resume()');
  }

  destroy(): void {
    for (const cluster of [this.replica, this.primary]) {
      try {
        cluster.destroy();
      } catch {
        /* already gone */
      }
    }
    rmSync(dirname(this.primary.home), { recursive: true, force: true });
  }
}
