import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { buildCourse } from '../test/course-factory';
import type { TestApp } from '../test/test-app';
import { eventually, freePort, startRedis, stopped } from '@dx/testing';
import { scenario } from './support/scenario';
import { createTrustApp } from './support/trust-app';
import { TrustCounter } from './support/trust-stats';

jest.setTimeout(60_000);

/** The API on a private Redis that the scenarios stop and start again on the same port. */
describe('faults: Redis down and back', () => {
  const counter = new TrustCounter('faults');
  let port: number;
  let redis: ChildProcess;
  let t: TestApp;

  const redisUp = async () => {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } finally {
      probe.disconnect();
    }
  };
  const health = () => t.http.get('/api/health');
  async function stopRedis(): Promise<void> {
    redis.kill('SIGKILL');
    await stopped(redis);
    await eventually(
      async () => (await health()).status === 503,
      10_000,
      100,
      'health reports redis down',
    );
  }
  async function restartRedis(): Promise<void> {
    redis = startRedis(port);
    await eventually(redisUp, 10_000, 100, 'private redis up');
    await eventually(
      async () => (await health()).status === 200,
      15_000,
      100,
      'health back to 200',
    );
  }

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await eventually(redisUp, 10_000, 100, 'private redis up');
    ({ t } = await createTrustApp({ REDIS_URL: `redis://127.0.0.1:${port}` }));
  });

  afterAll(async () => {
    counter.flush();
    await t?.close();
    redis?.kill('SIGKILL');
    if (redis) await stopped(redis);
  });

  scenario(
    counter,
    'health turns 503 with redis "down" when Redis dies, and 200 when it is back on its port',
    async () => {
      expect((await health()).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
      await stopRedis();
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'error', db: 'up', redis: 'down' });
      await restartRedis();
      expect((await health()).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    },
  );

  scenario(
    counter,
    'learners sign in and complete courses while Redis is down: no 5xx, pending certificates and outbox rows',
    async () => {
      const province = await t.make.unit(null, 'Tỉnh Điện Biên');
      const built = await buildCourse(t.db, {
        owner: province,
        modules: [1],
        title: 'An toàn thông tin cơ bản',
      });
      const learners = await Promise.all(
        [
          'Lò Văn Pành',
          'Quàng Thị Én',
          'Giàng A Páo',
          'Mùa Thị Chở',
          'Cà Văn Hặc',
          'Lường Thị Xuân',
        ].map((fullName) => t.make.user(province, { fullName })),
      );
      await stopRedis();
      // Signing in throttles through Redis, which fails open rather than lock everyone out.
      const tokens = await Promise.all(learners.map((l) => t.tokenFor(l.username)));
      const statuses = await Promise.all(
        tokens.map(async (token) => {
          const enrol = await t.http
            .post(`/api/courses/${built.course.id}/enroll`)
            .set('Authorization', token);
          const done = await t.http
            .post(`/api/lessons/${built.lessons[0].id}/complete`)
            .set('Authorization', token);
          const mine = await t.http.get('/api/me/certificates').set('Authorization', token);
          expect(done.body).toEqual({ progress: 100, courseCompleted: true });
          expect(mine.body).toEqual([
            expect.objectContaining({ courseId: built.course.id, status: 'pending' }),
          ]);
          return [enrol.status, done.status, mine.status];
        }),
      );
      expect(statuses).toEqual(tokens.map(() => [201, 200, 200]));
      const rows = await t.db.query(
        `SELECT e.status, c.status AS certificate, o.sent_at IS NULL AS queued
         FROM enrollment e
         LEFT JOIN certificate c ON c.user_id = e.user_id AND c.course_version_id = e.course_version_id
         LEFT JOIN outbox o ON o.job_id = 'certificate-' || c.id
        WHERE e.course_id = $1`,
        [built.course.id],
      );
      expect(rows).toEqual(
        learners.map(() => ({ status: 'completed', certificate: 'pending', queued: true })),
      );
      await restartRedis();
    },
  );
});
