import { PgBouncerTestServer } from '@dx/testing';
import { Pool } from 'pg';
import { TransactionPoolerClient } from './transaction-pooler-client';

/**
 * Why DATABASE_POOL_MODE=transaction exists: behind Debian's PgBouncer 1.18 in transaction
 * mode, a named prepared statement made on one server connection is missing on the next.
 */
describe('TransactionPoolerClient through a real PgBouncer in transaction mode', () => {
  let bouncer: PgBouncerTestServer;
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

  beforeAll(async () => {
    bouncer = await PgBouncerTestServer.start({ serverUrl: server, poolSize: 3 });
  }, 30_000);
  afterAll(() => bouncer?.stop());

  /** 60 named-statement queries from 6 client connections over 3 server connections. */
  async function run(pool: Pool): Promise<PromiseSettledResult<unknown>[]> {
    const once = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await client.query({
          name: 'hot_read',
          text: 'SELECT $1::int + 1 AS n',
          values: [i],
        });
        await client.query('COMMIT');
        client.release();
        return r.rows[0].n;
      } catch (err) {
        // Give the server connection back to the pooler outside any transaction.
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(true);
        throw err;
      }
    };
    try {
      return await Promise.allSettled(Array.from({ length: 60 }, (_, i) => once(i)));
    } finally {
      await pool.end();
    }
  }

  const database = new URL(server).pathname.slice(1) || 'postgres';

  jest.setTimeout(30_000);

  it('plain pg clients fail with named statements there (the fault this client prevents)', async () => {
    const results = await run(new Pool({ connectionString: bouncer.url(database), max: 6 }));
    const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failures.length).toBeGreaterThan(0);
    expect(String(failures[0].reason.message)).toMatch(
      /prepared statement "hot_read" (does not exist|already exists)/,
    );
  });

  it('TransactionPoolerClient runs every one of them', async () => {
    const results = await run(
      new Pool({
        connectionString: bouncer.url(database),
        max: 6,
        Client: TransactionPoolerClient,
      }),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.message))).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });
});
