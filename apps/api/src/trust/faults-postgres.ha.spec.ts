import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import type { TestApp } from '../test/test-app';
import { blackHole, eventually, freePort, stopped } from '@dx/testing';
import { startApiProcess } from './support/processes';
import { scenario } from './support/scenario';
import { createTrustApp } from './support/trust-app';
import { TrustCounter } from './support/trust-stats';

jest.setTimeout(60_000);

/**
 * Runs on a database of its own: the scenario terminates every backend of the API
 * ('dx-api') in the database, which must not hit the specs running beside it.
 */
describe('faults: PostgreSQL connections dropped, PostgreSQL down at start', () => {
  const counter = new TrustCounter('faults');
  let databaseUrl: string;
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_test_trust');
    ({ t } = await createTrustApp({ DATABASE_URL: databaseUrl }));
    admin = new Client({ connectionString: databaseUrl, application_name: 'dx-trust-suite' });
    await admin.connect();
  });

  afterAll(async () => {
    counter.flush();
    await admin?.end();
    await t?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const terminateApiBackends = async (): Promise<number> =>
    (
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'dx-api' AND datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rowCount ?? 0;

  /** Per learner of the course: enrolment status, lessons done, certificate, outbox row. */
  const completionState = (built: BuiltCourse) =>
    t.db.query(
      `SELECT e.user_id AS "userId", e.status,
              (SELECT count(*)::int FROM lesson_completion lc WHERE lc.enrollment_id = e.id) AS lessons,
              (SELECT count(*)::int FROM certificate c WHERE c.user_id = e.user_id AND c.course_version_id = e.course_version_id) AS certificates,
              (SELECT count(*)::int FROM outbox o JOIN certificate c ON o.job_id = 'certificate-' || c.id
                WHERE c.user_id = e.user_id AND c.course_version_id = e.course_version_id) AS outbox
         FROM enrollment e WHERE e.course_id = $1 ORDER BY e.user_id`,
      [built.course.id],
    );

  scenario(
    counter,
    'drops every API connection mid-request: failures answer in shape, the API recovers, no completion is half-written',
    async () => {
      const province = await t.make.unit(null, 'Tỉnh Lai Châu');
      const built = await buildCourse(t.db, { owner: province, modules: [1], title: 'Dữ liệu số' });
      const lessonId = built.lessons[0].id;
      const learners = await Promise.all(
        Array.from({ length: 6 }, () => t.make.user(province, { fullName: 'Tòng Văn Khai' })),
      );
      const tokens = await Promise.all(learners.map((l) => t.tokenFor(l.username)));
      for (const token of tokens) {
        await t.http
          .post(`/api/courses/${built.course.id}/enroll`)
          .set('Authorization', token)
          .expect(201);
      }
      // The first three completions are held mid-transaction (after marking the lesson and
      // the enrolment) by an uncommitted certificate of the same enrolment: the API's insert
      // waits on it. Then the API's connections are cut.
      await admin.query('BEGIN');
      for (const l of learners.slice(0, 3)) {
        await admin.query(
          `INSERT INTO certificate (kind, user_id, course_id, course_version_id, enrollment_id, status, completed_at, hours, issuer_org_unit_id, snapshot)
           SELECT 'course', $1, $2, $3, e.id, 'pending', now(), 1, $4, '{}'
             FROM enrollment e WHERE e.user_id = $1 AND e.course_id = $2 AND e.current`,
          [l.id, built.course.id, built.version.id, province.id],
        );
      }
      const complete = (token: string) =>
        t.http
          .post(`/api/lessons/${lessonId}/complete`)
          .set('Authorization', token)
          .then((r) => r);
      const held = tokens.slice(0, 3).map(complete);
      await eventually(
        async () => {
          const { rows } = await admin.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'dx-api' AND datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].n === 3;
        },
        10_000,
        100,
        'three completions waiting on the lock',
      );
      const reads = Array.from({ length: 40 }, (_, i) =>
        t.http
          .get(`/api/courses?q=${i % 2 ? 'du lieu' : 'so'}`)
          .set('Authorization', tokens[5])
          .then((r) => r),
      );
      const others = tokens.slice(3, 5).map(complete);
      expect(await terminateApiBackends()).toBeGreaterThan(0);
      await admin.query('ROLLBACK');

      const answers = await Promise.all([...held, ...reads, ...others]);
      for (const res of answers) {
        // Either served, or refused in the contract's shape — never a dropped socket or a hang.
        if (res.status >= 300) {
          expect(res.status).toBeGreaterThanOrEqual(500);
          expect(res.body).toEqual({
            statusCode: res.status,
            code: res.status === 503 ? 'unavailable' : 'internal',
            message: expect.any(String),
            errors: [],
          });
        }
      }
      // The database went away under them: 503 with a hint to retry, not a bug's 500.
      const cut = await Promise.all(held);
      expect(cut.map((r) => r.status)).toEqual([503, 503, 503]);
      expect(cut.map((r) => r.headers['retry-after'])).toEqual(['5', '5', '5']);

      await eventually(
        async () =>
          (await t.http.get('/api/courses').set('Authorization', tokens[5])).status === 200,
        10_000,
        100,
        'catalog served again',
      );
      expect((await t.http.get('/api/health')).body).toEqual({
        status: 'ok',
        db: 'up',
        redis: 'up',
      });

      // All or nothing per learner: a completion is there with its certificate and outbox
      // row, or not at all (not even the lesson mark of the transaction that was cut).
      for (const row of await completionState(built)) {
        const done = row.status === 'completed';
        expect(row).toEqual({
          ...row,
          lessons: done ? 1 : 0,
          certificates: done ? 1 : 0,
          outbox: done ? 1 : 0,
        });
      }
      // Retrying completes everyone, once.
      for (const token of tokens) await complete(token);
      expect(
        (await completionState(built)).map(({ userId: _id, ...r }: { userId: string }) => r),
      ).toEqual(
        learners.map(() => ({ status: 'completed', lessons: 1, certificates: 1, outbox: 1 })),
      );
    },
  );

  scenario(
    counter,
    'refuses to start within 30 s, saying why, when PostgreSQL refuses connections or never answers',
    async () => {
      const hole = await blackHole();
      try {
        const env = async (dbPort: number) => ({
          DATABASE_URL: `postgres://postgres@127.0.0.1:${dbPort}/dx_nothing`,
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          PORT: String(await freePort()),
          JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
          QUEUE_PREFIX: `dxtest-trust-${randomSuffix()}`,
          STORAGE_DIR: mkdtempSync(join(tmpdir(), 'dx-storage-')),
          WEB_DIST_DIR: join(tmpdir(), 'dx-no-web-build'),
          SEED_DEMO: 'false',
          ADMIN_USERNAME: '',
          LOG_LEVEL: 'warn',
        });
        const runs = [
          startApiProcess(await env(await freePort())),
          startApiProcess(await env(hole.port)),
        ];
        const started = Date.now();
        const limit = setTimeout(() => runs.forEach((r) => r.child.kill('SIGKILL')), 30_000);
        await Promise.all(runs.map((r) => stopped(r.child)));
        clearTimeout(limit);
        for (const run of runs) {
          expect({ exitCode: run.child.exitCode, signal: run.child.signalCode }).toEqual({
            exitCode: 1,
            signal: null,
          });
          expect(run.output()).toMatch(/Unable to connect to the database/);
        }
        expect(Date.now() - started).toBeLessThan(30_000);
      } finally {
        await hole.close();
      }
    },
    45_000,
  );
});
