import { randomSuffix } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';
import { pendingCertificate } from './certificates.fixtures';
import { COUNT_LIMIT } from '../http/page-query.dto';

/**
 * The register (GET /api/certificates) counts at most COUNT_LIMIT
 * certificates past the page asked for: beyond that, `total` is a lower bound and
 * `totalExact` is false. Pages are the same whichever way it counts.
 */
describe('certificate register total', () => {
  let t: TestApp;
  const tokens: Record<'hr' | 'trainer', string> = { hr: '', trainer: '' };
  /** All certificates of the spec's province, newest first, as the register orders them. */
  let newestFirst: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const { root } = await t.make.twoProvinces();
    const province = await t.make.unit(root, `Tỉnh ${randomSuffix()}`);
    const commune = await t.make.unit(province, 'Xã Tân Phú');
    const holder = await t.make.user(commune, { fullName: 'Ngô Thị Bền' });
    const hr = await t.make.user(province, { roles: ['learner', 'hr'] });
    const trainer = await t.make.user(province, { roles: ['learner', 'trainer'] });
    tokens.hr = await t.tokenFor(hr.username);
    tokens.trainer = await t.tokenFor(trainer.username);
    const first = await pendingCertificate(t, { holder, issuer: commune });
    // Copies of it, a minute apart in completion: one certificate more than the limit
    // and two pages of 100.
    await t.db.query(
      `INSERT INTO certificate (kind, user_id, course_id, course_version_id, status, completed_at,
                                hours, issuer_org_unit_id, snapshot)
       SELECT kind, user_id, course_id, gen_random_uuid(), status, completed_at - i * interval '1 minute',
              hours, issuer_org_unit_id, snapshot
         FROM certificate, generate_series(1, $2::int) i
        WHERE id = $1`,
      [first.id, COUNT_LIMIT + 200],
    );
    const rows: { id: string }[] = await t.db.query(
      `SELECT id FROM certificate WHERE issuer_org_unit_id = $1
        ORDER BY completed_at DESC, id DESC`,
      [commune.id],
    );
    newestFirst = rows.map((r) => r.id);
  });
  afterAll(() => t.close());

  const list = (token: string, query: Record<string, string | number> = {}) =>
    t.http.get('/api/certificates').query(query).set('Authorization', token).expect(200);
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('stops counting past the limit, for hr (holders of the subtree) and trainers (issuers)', async () => {
    for (const token of [tokens.hr, tokens.trainer]) {
      const { body } = await list(token);
      expect(body).toMatchObject({ total: COUNT_LIMIT, totalExact: false });
      expect(ids(body)).toEqual(newestFirst.slice(0, 20));
    }
  });

  it('moves the bound with the page, so a next page is offered while one exists', async () => {
    const { body } = await list(tokens.hr, { page: 3, pageSize: 100 });
    expect(body).toMatchObject({
      total: COUNT_LIMIT + 200,
      totalExact: false,
    });
    expect(ids(body)).toEqual(newestFirst.slice(200, 300));
  });

  it('counts exactly once the rest fits under the limit', async () => {
    const { body } = await list(tokens.trainer, { page: 103, pageSize: 100 });
    expect(body).toMatchObject({ total: COUNT_LIMIT + 201, totalExact: true });
    expect(ids(body)).toEqual(newestFirst.slice(10_200));
  });

  it('gives an exact total for a register under the limit', async () => {
    const { body } = await list(tokens.hr, { status: 'issued' });
    expect(body).toMatchObject({ items: [], total: 0, totalExact: true });
  });
});
