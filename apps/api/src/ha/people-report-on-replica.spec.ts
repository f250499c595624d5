import { PostgresReplicaPair } from '@dx/testing';
import { createTestApp, TestApp } from '../test/test-app';

jest.setTimeout(120_000);

/**
 * The "not yet trained" list (and its CSV export) with DATABASE_REPLICA_URL on a real
 * streaming standby (pg_basebackup): read on the replica when it is current, from the
 * primary after a short wait when it lags, and from the primary without a 5xx when it is
 * down; the X-Read-Source header says which.
 */
describe('the people report on a read replica', () => {
  let pair: PostgresReplicaPair;
  let t: TestApp;
  let auth: string;
  let unit: Awaited<ReturnType<TestApp['make']['unit']>>;

  const untrained = async (format?: 'csv') => {
    const res = await t.http
      .get(
        `/api/reports/people?orgUnitId=${unit.id}&status=untrained${format ? '&format=csv' : ''}`,
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    const names = format
      ? res.text
      : (res.body.items as { fullName: string }[]).map((p) => p.fullName).join('\n');
    return { source: res.headers['x-read-source'], names };
  };
  /** Replica sessions of the API whose last statement was the people list (its subtree walk). */
  const listsOnReplica = async () =>
    (
      await pair.replica.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'dx-api-replica' AND query ILIKE '%org_unit_edge%'`,
      )
    )[0].n;

  beforeAll(async () => {
    pair = await PostgresReplicaPair.start('dx_api_replica_people');
    t = await createTestApp({
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URL: pair.replicaUrl,
      // A lagging replica is waited for this long before the primary answers.
      DATABASE_REPLICA_WAIT_MS: '300',
      DATABASE_REPLICA_MAX_LAG_SECONDS: '0',
    });
    unit = await t.make.unit(null, 'Sở Tài chính');
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'], dxRole: 'none' });
    auth = await t.tokenFor(hr.username);
    await t.make.user(unit, { fullName: 'Đinh Văn Chưa Học' });
  });
  afterAll(async () => {
    await t?.close();
    pair?.destroy();
  });

  it('reads the list and its CSV on a replica that is current', async () => {
    await pair.waitForCatchUp();
    expect(await untrained()).toEqual({ source: 'replica', names: 'Đinh Văn Chưa Học' });
    const csv = await untrained('csv');
    expect(csv.source).toBe('replica');
    expect(csv.names).toContain('Đinh Văn Chưa Học');
    expect(await listsOnReplica()).toBeGreaterThanOrEqual(1);
  });

  it('waits for a replica that stopped replaying, then answers from the primary and says so', async () => {
    await pair.pauseReplay();
    try {
      await t.make.user(unit, { fullName: 'Hà Thị Mới Chuyển Đến' });
      const started = Date.now();
      const list = await untrained();
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(list.source).toBe('primary');
      expect(list.names).toContain('Hà Thị Mới Chuyển Đến');
    } finally {
      await pair.resumeReplay();
    }
    await pair.waitForCatchUp();
    expect(await untrained()).toMatchObject({ source: 'replica' });
  });

  it('answers from the primary, without a 5xx, when the replica goes down', async () => {
    pair.replica.stop('immediate');
    try {
      const list = await untrained();
      expect(list.source).toBe('primary');
      expect(list.names).toContain('Đinh Văn Chưa Học');
    } finally {
      pair.replica.start();
    }
  });
});
