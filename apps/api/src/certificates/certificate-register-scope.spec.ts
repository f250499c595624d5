import { randomSuffix } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate } from './certificates.fixtures';

/**
 * Which certificates the register (GET /api/certificates) lists to a trainer once units
 * have merged: those issued by a unit of their subtree, open or closed, and those issued
 * by a unit merged, hop by hop, into an open unit of their subtree. Whatever it lists, the
 * details page shows too.
 */
describe('certificate register scope across merges', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  /** Every certificate of this spec carries this title, so a search finds exactly them. */
  const title = `Sổ đăng ký ${randomSuffix()}`;
  const certs: Record<'plain' | 'first' | 'middle' | 'last' | 'heldInB', string> = {
    plain: '',
    first: '',
    middle: '',
    last: '',
    heldInB: '',
  };
  const tokens: Record<'trainerC' | 'hrTrainerB', string> = { trainerC: '', hrTrainerB: '' };

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
    const { root, a, a1, b, b1 } = w.units;
    const c = await t.make.unit(root, 'Tỉnh C');
    const first = await t.make.unit(a, 'Xã Tân Lập');
    const middle = await t.make.unit(b, 'Xã Tân Hòa');
    const last = await t.make.unit(c, 'Đặc khu Côn Đảo');
    const holderB = await t.make.user(b1, { fullName: 'Hoàng Văn Bắc' });
    const issue = async (issuer: typeof a, holder = w.people.holder) =>
      (await issuedCertificate(t, { holder, issuer, title })).id;
    certs.plain = await issue(a1);
    certs.first = await issue(first);
    certs.middle = await issue(middle);
    certs.last = await issue(last);
    certs.heldInB = await issue(a1, holderB);
    const merge = (unit: { id: string }, targetId: string, effectiveDate: string) =>
      t.http
        .post(`/api/org-units/${unit.id}/merge`)
        .set('Authorization', w.tokens.admin)
        .send({ targetId, effectiveDate })
        .expect(200);
    await merge(first, middle.id, '2025-03-01');
    await merge(middle, last.id, '2025-07-01');
    const trainerC = await t.make.user(c, { roles: ['learner', 'trainer'] });
    const hrTrainerB = await t.make.user(b, { roles: ['learner', 'hr', 'trainer'] });
    tokens.trainerC = await t.tokenFor(trainerC.username);
    tokens.hrTrainerB = await t.tokenFor(hrTrainerB.username);
  });
  afterAll(() => t.close());

  const listed = async (token: string) => {
    const res = await t.http
      .get('/api/certificates')
      .query({ q: title, pageSize: 100 })
      .set('Authorization', token)
      .expect(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((i: { id: string }) => i.id).sort();
  };
  const ids = (...names: (keyof typeof certs)[]) => names.map((n) => certs[n]).sort();

  it('lists units of the subtree, open or closed, but not what a closed unit was merged from', async () => {
    expect(await listed(w.tokens.trainerA)).toEqual(ids('plain', 'first', 'heldInB'));
    expect(await listed(w.tokens.trainerB)).toEqual(ids('middle'));
  });

  it('lists what was merged, over every hop, into an open unit of the subtree', async () => {
    expect(await listed(tokens.trainerC)).toEqual(ids('first', 'middle', 'last'));
  });

  it('adds, for someone both hr and trainer, the certificates of the people of their subtree', async () => {
    expect(await listed(tokens.hrTrainerB)).toEqual(ids('middle', 'heldInB'));
    const issuedOnly = await t.http
      .get('/api/certificates')
      .query({ q: title, status: 'revoked' })
      .set('Authorization', tokens.hrTrainerB)
      .expect(200);
    expect(issuedOnly.body).toMatchObject({ items: [], total: 0 });
  });

  it('lists to each trainer exactly the certificates whose details they may see', async () => {
    for (const token of [w.tokens.trainerA, w.tokens.trainerB, tokens.trainerC]) {
      const shown = await listed(token);
      for (const id of Object.values(certs)) {
        const res = await t.http.get(`/api/certificates/${id}`).set('Authorization', token);
        expect([id, res.status]).toEqual([id, shown.includes(id) ? 200 : 404]);
      }
    }
  });

  it('lists everything of the search to a sysadmin', async () => {
    expect(await listed(w.tokens.admin)).toEqual(Object.values(certs).sort());
  });
});
