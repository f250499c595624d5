import { PgBouncerTestServer } from '@dx/testing';
import { Client } from 'pg';
import {
  Learner,
  learnerOn,
  rightAnswers,
  singles,
  startAttempt,
  submitAttempt,
} from '../quizzes/quiz-attempts.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

const SERVER_CONNECTIONS = 4;

/** Server connections PgBouncer holds for the test database, and transactions it carried. */
async function poolFigures(bouncer: PgBouncerTestServer, database: string) {
  const admin = new Client({ connectionString: bouncer.adminUrl() });
  await admin.connect();
  try {
    const pools = (await admin.query('SHOW POOLS')).rows.filter((r) => r.database === database);
    const stats = (await admin.query('SHOW STATS')).rows.filter((r) => r.database === database);
    return {
      server: pools.reduce(
        (n, r) => n + Number(r.sv_active) + Number(r.sv_idle) + Number(r.sv_used),
        0,
      ),
      transactions: stats.reduce((n, r) => n + Number(r.total_xact_count), 0),
    };
  } finally {
    await admin.end();
  }
}

/**
 * The API's hot paths with DATABASE_URL on a real PgBouncer in transaction mode (Debian's
 * 1.18: no prepared statements across transactions) and only LISTEN and migrations going
 * straight to PostgreSQL (DATABASE_DIRECT_URL).
 */
describe('the API behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncerTestServer;
  let t: TestApp;
  const direct = process.env.DX_TEST_DATABASE_URL as string;
  const database = new URL(direct).pathname.slice(1);

  beforeAll(async () => {
    bouncer = await PgBouncerTestServer.start({ serverUrl: direct, poolSize: SERVER_CONNECTIONS });
    t = await createTestApp({
      DATABASE_URL: bouncer.url(database),
      DATABASE_POOL_MODE: 'transaction',
      DATABASE_DIRECT_URL: direct,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await bouncer?.stop();
  });

  it('signs in, lists the catalog, and runs 40 quiz attempts concurrently on 4 server connections', async () => {
    const learners: Learner[] = [];
    for (let i = 0; i < 4; i++)
      learners.push(await learnerOn(t, { questions: singles(3), maxAttempts: null }));
    const catalog = await t.http.get('/api/courses').set('Authorization', learners[0].auth);
    expect(catalog.status).toBe(200);
    expect(catalog.body.total).toBeGreaterThanOrEqual(1);
    const before = await poolFigures(bouncer, database);

    // Ten rounds per learner, all learners at once: the prepared-statement paths (start,
    // submit) reach several server connections in turn.
    const results = await Promise.all(
      learners.map(async (l) => {
        const scores: number[] = [];
        for (let round = 0; round < 10; round++) {
          const a = await startAttempt(t, l);
          const r = await submitAttempt(t, l, a.attemptId, {
            answers: rightAnswers(l.built, a.questions),
          });
          expect(r.status).toBe(200);
          scores.push(r.body.score);
        }
        return scores;
      }),
    );
    expect(results.flat()).toEqual(Array(40).fill(100));
    const after = await poolFigures(bouncer, database);
    expect(after.server).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(80);
  }, 120_000);

  it('still hears change notifications (LISTEN goes straight to PostgreSQL)', async () => {
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    const listeners = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'dx-api-changes' AND datname = $1`,
      [database],
    );
    expect(listeners[0].n).toBeGreaterThanOrEqual(1);
  });
});
