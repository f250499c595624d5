import { PostgresReplicaPair } from '@dx/testing';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

jest.setTimeout(120_000);

/** The API with DATABASE_REPLICA_URL on a real streaming standby (pg_basebackup) of its database. */
describe('the catalog on a read replica', () => {
  let pair: PostgresReplicaPair;
  let t: TestApp;
  let auth: string;
  let owner: Awaited<ReturnType<TestApp['make']['unit']>>;

  /** Replica sessions of the API whose last statement was the catalog's (pg_stat_activity.query). */
  const catalogReadsOnReplica = async () =>
    (
      await pair.replica.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'dx-api-replica' AND query ILIKE '%course_version%'`,
      )
    )[0].n;
  const catalogTitles = async () => {
    const res = await t.http.get('/api/courses?pageSize=100').set('Authorization', auth);
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((c) => c.title);
  };
  /** A course published straight in the database: its trigger empties every catalog cache. */
  const publish = async (title: string) => {
    await buildCourse(t.db, { owner, title });
    await new Promise((r) => setTimeout(r, 300)); // the notification reaches the API
  };

  beforeAll(async () => {
    pair = await PostgresReplicaPair.start('dx_api_replica');
    t = await createTestApp({
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URL: pair.replicaUrl,
    });
    owner = await t.make.unit(null, 'Sở Nội vụ');
    const learner = await t.make.user(owner);
    auth = await t.tokenFor(learner.username);
  });
  afterAll(async () => {
    await t?.close();
    pair?.destroy();
  });

  it('reads the catalog from a replica that is current', async () => {
    await publish('Chuyển đổi số trong cơ quan nhà nước');
    await pair.waitForCatchUp();
    expect(await catalogTitles()).toContain('Chuyển đổi số trong cơ quan nhà nước');
    expect(await catalogReadsOnReplica()).toBeGreaterThanOrEqual(1);
  });

  it('shows a course published a moment ago even while the replica has stopped replaying', async () => {
    await pair.pauseReplay();
    try {
      await publish('An toàn thông tin cơ bản');
      expect(await catalogTitles()).toContain('An toàn thông tin cơ bản');
    } finally {
      await pair.resumeReplay();
    }
  });

  it('answers from the primary, without a 5xx, when the replica goes down', async () => {
    pair.replica.stop('immediate');
    try {
      await publish('Kỹ năng số cho cán bộ cấp xã');
      expect(await catalogTitles()).toContain('Kỹ năng số cho cán bộ cấp xã');
    } finally {
      pair.replica.start();
    }
  });
});
