import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { isReplicaFailure, measureConsistentAsOf } from './replica-freshness';

export interface ReplicaReadOptions {
  /**
   * Everything committed before this instant must be visible to the read. Default: now
   * minus DATABASE_REPLICA_MAX_LAG_SECONDS. Pass `new Date()` for what a user just changed,
   * and a report's cut-off (end of its year) for a report.
   */
  freshAsOf?: Date;
  /** How long to wait for a lagging replica to reach `freshAsOf` before using the primary. */
  waitMs?: number;
}

export interface ReplicaRead<T> {
  result: T;
  source: 'replica' | 'primary';
  /** Why this source, in words for a log line or a report's notes. */
  detail: string;
}

export interface ReadReplicaSettings {
  maxLagSeconds: number;
  /** After a failed probe or read, the replica is left alone this long (no timeouts per request). */
  downForMs?: number;
  /** A freshness measurement is reused this long by reads that it satisfies. */
  probeCacheMs?: number;
  /** How long a report waits for a lagging replica before it reads from the primary. */
  reportWaitMs?: number;
}

/**
 * Where heavy reads run: a streaming replica when one is configured, reachable and
 * current enough for the read, else the primary — never a 5xx because of the replica.
 * Writes never come here; feature code swaps `this.db.manager` for the manager that
 * `read()` hands it.
 */
export class ReadReplica {
  private readonly logger = new Logger('ReadReplica');
  private downUntil = 0;
  private measured: { at: number; consistentAsOf: Date } | null = null;
  private measuring: Promise<Date> | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly replica: DataSource | null,
    private readonly settings: ReadReplicaSettings = { maxLagSeconds: 30 },
  ) {}

  get configured(): boolean {
    return this.replica !== null;
  }

  /** DATABASE_REPLICA_WAIT_MS: the `waitMs` of report computations and exports. */
  get reportWaitMs(): number {
    return this.settings.reportWaitMs ?? 5_000;
  }

  /** Runs `work` on the replica if it is fresh enough, else on the primary; returns its result. */
  async read<T>(
    work: (db: EntityManager) => Promise<T>,
    opts: ReplicaReadOptions = {},
  ): Promise<T> {
    return (await this.readReporting(work, opts)).result;
  }

  /** As read(), and says which server answered and why. */
  async readReporting<T>(
    work: (db: EntityManager) => Promise<T>,
    opts: ReplicaReadOptions = {},
  ): Promise<ReplicaRead<T>> {
    const onPrimary = async (detail: string): Promise<ReplicaRead<T>> => ({
      result: await work(this.primary.manager),
      source: 'primary',
      detail,
    });
    const replica = this.replica;
    if (!replica) return onPrimary('no replica configured');
    if (Date.now() < this.downUntil) return onPrimary('replica unavailable');
    const freshAsOf = opts.freshAsOf ?? new Date(Date.now() - this.settings.maxLagSeconds * 1000);
    const started = Date.now();
    const deadline = started + (opts.waitMs ?? 0);
    try {
      let consistentAsOf = await this.consistentAsOf(freshAsOf);
      let waited = 0;
      let pause = 5;
      while (consistentAsOf < freshAsOf && Date.now() < deadline) {
        // A replica milliseconds behind passes on the first retries; a stalled one is polled gently.
        pause = Math.min(pause * 2, 200);
        await new Promise((r) => setTimeout(r, Math.min(pause, deadline - Date.now())));
        consistentAsOf = await this.consistentAsOf(freshAsOf, true);
        waited = Date.now() - started;
      }
      if (consistentAsOf < freshAsOf) {
        return onPrimary(
          `replica behind: it holds data up to ${consistentAsOf.toISOString()}, the read needs ${freshAsOf.toISOString()}` +
            (waited
              ? `; waited ${waited} ms, then read from the primary`
              : '; read from the primary'),
        );
      }
      const result = await work(replica.manager);
      return {
        result,
        source: 'replica',
        detail: waited ? `replica caught up after ${waited} ms` : 'replica current',
      };
    } catch (err) {
      if (!isReplicaFailure(err)) throw err;
      this.markDown(err);
      return onPrimary('replica unavailable');
    }
  }

  /**
   * The replica's consistency point. A cached one serves reads it satisfies; a read that
   * needs more asks again (`force`), so a cached old answer never sends a fresh read away.
   */
  private async consistentAsOf(needed: Date, force = false): Promise<Date> {
    const cache = this.measured;
    const maxAge = this.settings.probeCacheMs ?? 500;
    if (!force && cache && Date.now() - cache.at < maxAge && cache.consistentAsOf >= needed)
      return cache.consistentAsOf;
    this.measuring ??= measureConsistentAsOf(this.primary, this.replica as DataSource)
      .then((consistentAsOf) => {
        this.measured = { at: Date.now(), consistentAsOf };
        return consistentAsOf;
      })
      .finally(() => (this.measuring = null));
    return this.measuring;
  }

  private markDown(err: unknown): void {
    const first = this.downUntil < Date.now();
    this.downUntil = Date.now() + (this.settings.downForMs ?? 5_000);
    this.measured = null;
    if (first)
      this.logger.warn(`Replica unavailable, reading from the primary: ${(err as Error).message}`);
  }
}
