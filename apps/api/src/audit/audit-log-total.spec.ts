import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { COUNT_LIMIT } from '../http/page-query.dto';

/**
 * The audit log only grows, so its list counts at most COUNT_LIMIT entries past
 * the page asked for: beyond that, `total` is a lower bound and `totalExact` is false.
 */
describe('audit log total', () => {
  let t: TestApp;
  let adminToken: string;
  /** A made-up actor with 201 entries more than the limit, an hour apart from 2020-01-01. */
  const busyActor = randomUUID();
  const quietActor = randomUUID();

  beforeAll(async () => {
    t = await createTestApp();
    const { root } = await t.make.twoProvinces();
    const admin = await t.make.user(root, { roles: ['sysadmin'] });
    adminToken = await t.tokenFor(admin.username);
    await t.db.query(
      `INSERT INTO audit_log (at, actor_id, action)
       SELECT timestamptz '2020-01-01 00:00+00' + i * interval '1 hour', $1, 'user.created'
         FROM generate_series(1, $2::int) i`,
      [busyActor, COUNT_LIMIT + 201],
    );
    await t.db.query(
      `INSERT INTO audit_log (at, actor_id, action)
       SELECT timestamptz '2020-01-01 00:00+00' + i * interval '1 hour', $1, 'user.created'
         FROM generate_series(1, 3) i`,
      [quietActor],
    );
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number>) =>
    t.http.get('/api/audit-log').query(query).set('Authorization', adminToken).expect(200);

  it('gives an exact total while it stays under the limit', async () => {
    const res = await list({ actorId: quietActor, pageSize: 2 });
    expect(res.body).toMatchObject({ total: 3, totalExact: true, page: 1, pageSize: 2 });
    expect(res.body.items).toHaveLength(2);
    const firstDay = await list({ actorId: busyActor, to: '2020-01-02T00:00:00Z' });
    expect(firstDay.body).toMatchObject({ total: 23, totalExact: true });
  });

  it('stops counting past the limit and says the total is a lower bound', async () => {
    const first = await list({ actorId: busyActor });
    expect(first.body).toMatchObject({ total: COUNT_LIMIT, totalExact: false });
    expect(first.body.items).toHaveLength(20);
    // Further on, the bound moves with the page, so a next page is still offered.
    const far = await list({ actorId: busyActor, page: 3, pageSize: 100 });
    expect(far.body).toMatchObject({ total: COUNT_LIMIT + 200, totalExact: false });
    expect(far.body.items).toHaveLength(100);
  });

  it('counts exactly again once the rest fits under the limit', async () => {
    const last = await list({ actorId: busyActor, page: 103, pageSize: 100 });
    expect(last.body).toMatchObject({ total: COUNT_LIMIT + 201, totalExact: true });
    expect(last.body.items).toHaveLength(1);
    expect(last.body.items[0].at).toBe(new Date('2020-01-01T01:00:00Z').toISOString());
  });
});
