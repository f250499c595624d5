import { loadAppConfig } from '@dx/config';
import { PostgresReplicaPair } from '@dx/testing';
import { DataSource } from 'typeorm';
import { ReadReplica } from './read-replica';
import { readReplicaProvider } from './read-replica.provider';

// A real primary and a real streaming standby (pg_basebackup), both started by this spec.
describe('ReadReplica on a real streaming replica', () => {
  let pair: PostgresReplicaPair;
  let primary: DataSource;
  let replicaSource: DataSource;
  let reads: ReadReplica;

  const connect = (url: string) =>
    new DataSource({
      type: 'postgres',
      url,
      extra: { max: 3, connectionTimeoutMillis: 1_000 },
    }).initialize();
  /** Which server answered, and whether it sees the note written under `id`. */
  const probe = (id: number) => async (db: { query: DataSource['query'] }) => {
    const [row] = await db.query(
      `SELECT pg_is_in_recovery() AS standby, EXISTS (SELECT 1 FROM note WHERE id = $1) AS sees`,
      [id],
    );
    return row as { standby: boolean; sees: boolean };
  };

  beforeAll(async () => {
    pair = await PostgresReplicaPair.start();
    primary = await connect(pair.primaryUrl);
    await primary.query(
      'CREATE TABLE note (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())',
    );
    await pair.waitForCatchUp();
    replicaSource = await connect(pair.replicaUrl);
    reads = new ReadReplica(primary, replicaSource, { maxLagSeconds: 30, downForMs: 1_000 });
  }, 120_000);

  afterAll(async () => {
    await replicaSource?.destroy().catch(() => undefined);
    await primary?.destroy();
    pair?.destroy();
  });

  it('reads from the replica when it is current, from the primary when none is configured', async () => {
    await primary.query('INSERT INTO note (id) VALUES (1)');
    await pair.waitForCatchUp();
    const onReplica = await reads.readReporting(probe(1), { freshAsOf: new Date() });
    expect(onReplica).toMatchObject({ source: 'replica', result: { standby: true, sees: true } });
    const none = await new ReadReplica(primary, null).readReporting(probe(1));
    expect(none).toMatchObject({
      source: 'primary',
      detail: 'no replica configured',
      result: { standby: false },
    });
  });

  describe('with replay paused (the replica falls behind for real)', () => {
    beforeAll(() => pair.pauseReplay());
    afterAll(() => pair.resumeReplay());

    it('never serves what a user just changed from a replica that has not replayed it', async () => {
      await primary.query('INSERT INTO note (id) VALUES (2)');
      const justWritten = new Date();
      const read = await reads.readReporting(probe(2), { freshAsOf: justWritten });
      expect(read.source).toBe('primary');
      expect(read.result).toEqual({ standby: false, sees: true });
      expect(read.detail).toMatch(/^replica behind: .*; read from the primary$/);
      // A read that accepts data 30 s old still uses the lagging replica, without the new row.
      const tolerant = await reads.readReporting(probe(2));
      expect(tolerant).toMatchObject({ source: 'replica', result: { standby: true, sees: false } });
    });

    it('a report whose cut-off the replica has not reached waits, then falls back and says so', async () => {
      await primary.query('INSERT INTO note (id) VALUES (3)');
      const cutOff = new Date();
      const started = Date.now();
      const read = await reads.readReporting(probe(3), { freshAsOf: cutOff, waitMs: 600 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(read).toMatchObject({ source: 'primary', result: { sees: true } });
      expect(read.detail).toMatch(/replica behind: .*; waited \d+ ms, then read from the primary/);
    });

    it('a report that waits while the replica catches up is served by the replica', async () => {
      await primary.query('INSERT INTO note (id) VALUES (4)');
      const cutOff = new Date();
      setTimeout(() => void pair.resumeReplay(), 500);
      const read = await reads.readReporting(probe(4), { freshAsOf: cutOff, waitMs: 10_000 });
      expect(read).toMatchObject({ source: 'replica', result: { standby: true, sees: true } });
      expect(read.detail).toMatch(/^replica caught up after \d+ ms$/);
    });
  });

  it('falls back to the primary without an error when the replica goes down, and returns to it', async () => {
    pair.replica.stop('immediate');
    try {
      await primary.query('INSERT INTO note (id) VALUES (5)');
      const first = await reads.readReporting(probe(5));
      expect(first).toMatchObject({
        source: 'primary',
        detail: 'replica unavailable',
        result: { sees: true },
      });
      // Left alone for a while: no connection timeout per request.
      const started = Date.now();
      expect((await reads.readReporting(probe(5))).source).toBe('primary');
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      pair.replica.start();
    }
    await pair.waitForStreaming();
    await pair.waitForCatchUp();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await reads.readReporting(probe(5))).toMatchObject({
      source: 'replica',
      result: { sees: true },
    });
  }, 60_000);

  it('stops the start with one line when DATABASE_REPLICA_URL cannot be reached', async () => {
    const config = loadAppConfig({
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_REPLICA_URL: 'postgres://postgres@127.0.0.1:1/dx',
    });
    const provider = readReplicaProvider({ applicationName: 'dx-test' }) as {
      useFactory: (...args: unknown[]) => Promise<ReadReplica>;
    };
    await expect(provider.useFactory(config, primary)).rejects.toThrow(
      /^DATABASE_REPLICA_URL is unreachable: connect ECONNREFUSED 127\.0\.0\.1:1$/,
    );
  });
});
