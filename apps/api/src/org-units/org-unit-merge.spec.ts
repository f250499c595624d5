import { MembershipEntity, OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';

const E = '2025-07-01';

describe('POST /api/org-units/:id/merge', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor(
      (await t.make.user(await t.make.unit(), { roles: ['sysadmin'] })).username,
    );
  });
  afterAll(() => t.close());

  const merge = (id: string, body: object, token = admin) =>
    t.http.post(`/api/org-units/${id}/merge`).set('Authorization', token).send(body);

  /** Units hanging under `rootId` on date `d`, from the edge history. */
  async function treeAsOf(rootId: string, d: string): Promise<Map<string, string | null>> {
    const rows: { unit_id: string; parent_id: string | null }[] = await t.db.query(
      `WITH RECURSIVE tree AS (
         SELECT e.unit_id, e.parent_id FROM org_unit_edge e
          WHERE e.unit_id = $1 AND e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date)
         UNION ALL
         SELECT e.unit_id, e.parent_id FROM org_unit_edge e JOIN tree ON e.parent_id = tree.unit_id
          WHERE e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date))
       SELECT unit_id, parent_id FROM tree`,
      [rootId, d],
    );
    return new Map(rows.map((r) => [r.unit_id, r.parent_id]));
  }

  /** Where each person belonged on date `d` (user id → unit id). */
  async function membersAsOf(unitIds: string[], d: string): Promise<Map<string, string>> {
    const rows: { user_id: string; org_unit_id: string }[] = await t.db.query(
      `SELECT user_id, org_unit_id FROM membership
        WHERE org_unit_id = ANY($1::uuid[]) AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
      [unitIds, d],
    );
    return new Map(rows.map((r) => [r.user_id, r.org_unit_id]));
  }

  it('closes the unit and moves its children, subtree paths and people to the target from the date', async () => {
    const { root, a, b, a1, b1 } = await t.make.twoProvinces();
    const b11 = await t.make.unit(b1, 'Thôn B11');
    const hrA = await t.make.user(a, { roles: ['hr'] });
    const inB = await t.make.user(b, { fullName: 'Trần Thị Hạnh', dxRole: 'part_time' });
    const inB1 = await t.make.user(b1, { fullName: 'Lê Văn Dũng' });
    const inB11 = await t.make.user(b11, { fullName: 'Phạm Thị Thảo' });

    const res = await merge(b.id, { targetId: a.id, effectiveDate: E }).expect(200);
    expect(res.body).toEqual({
      id: b.id,
      code: b.code,
      name: 'Tỉnh B',
      parentId: root.id,
      validFrom: '2000-01-01',
      validTo: E,
      successorId: a.id,
      pendingMerge: null,
    });

    // Today's tree: B's commune hangs under A, with the whole subtree's paths rewritten.
    const children = await t.http
      .get('/api/org-units')
      .query({ parentId: a.id })
      .set('Authorization', admin);
    expect(children.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [a1.id, b1.id].sort(),
    );
    const units = t.db.getRepository(OrgUnitEntity);
    const movedB1 = await units.findOneByOrFail({ id: b1.id });
    const movedB11 = await units.findOneByOrFail({ id: b11.id });
    expect(movedB1).toMatchObject({
      parentId: a.id,
      path: `${a.path}${b1.id}/`,
      depth: a.depth + 1,
    });
    expect(movedB11).toMatchObject({
      parentId: b1.id,
      path: `${a.path}${b1.id}/${b11.id}/`,
      depth: a.depth + 2,
    });
    const rootChildren = await t.http
      .get('/api/org-units')
      .query({ parentId: root.id })
      .set('Authorization', admin);
    expect(rootChildren.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);

    // An hr of A now sees B's former people.
    const hrToken = await t.tokenFor(hrA.username);
    const people = await t.http
      .get('/api/users')
      .query({ pageSize: 100 })
      .set('Authorization', hrToken)
      .expect(200);
    const ids = people.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([hrA.id, inB.id, inB1.id, inB11.id]));
    const inBNow = people.body.items.find((u: { id: string }) => u.id === inB.id);
    expect(inBNow).toMatchObject({ orgUnitId: a.id, dxRole: 'part_time' });

    // History: the end of 2024 still has B with its people; the end of 2025 does not.
    const before = await treeAsOf(root.id, '2024-12-31');
    expect(before.get(b.id)).toBe(root.id);
    expect(before.get(b1.id)).toBe(b.id);
    expect(before.get(b11.id)).toBe(b1.id);
    const after = await treeAsOf(root.id, '2025-12-31');
    expect(after.has(b.id)).toBe(false);
    expect(after.get(b1.id)).toBe(a.id);
    expect(after.get(b11.id)).toBe(b1.id);
    expect(after.size).toBe(before.size - 1);

    const unitIds = [root.id, a.id, b.id, a1.id, b1.id, b11.id];
    const members2024 = await membersAsOf(unitIds, '2024-12-31');
    expect(members2024.get(inB.id)).toBe(b.id);
    expect(members2024.get(inB1.id)).toBe(b1.id);
    const members2025 = await membersAsOf(unitIds, '2025-12-31');
    expect(members2025.get(inB.id)).toBe(a.id);
    expect(members2025.get(inB1.id)).toBe(b1.id);
    expect([...members2025.values()]).not.toContain(b.id);

    const rows = await t.db
      .getRepository(MembershipEntity)
      .find({ where: { userId: inB.id }, order: { validFrom: 'ASC' } });
    expect(rows.map((m) => [m.orgUnitId, m.dxRole, m.validFrom, m.validTo])).toEqual([
      [b.id, 'part_time', '2000-01-01', E],
      [a.id, 'part_time', E, null],
    ]);
  });

  it('splits closed periods that span the date, moves later ones and leaves earlier ones alone', async () => {
    const { a, b } = await t.make.twoProvinces();
    const left = await t.make.user(a, { fullName: 'Đỗ Minh Quân' });
    const moving = await t.make.user(b, { fullName: 'Vũ Thị Nguyệt', dxRole: 'none' });
    const memberships = t.db.getRepository(MembershipEntity);
    // `left` was in B until 2024; `moving` changed DX role in B after the merge date.
    await memberships.delete({ userId: left.id });
    await memberships.insert([
      {
        userId: left.id,
        orgUnitId: b.id,
        dxRole: 'full_time',
        validFrom: '2010-01-01',
        validTo: '2024-06-01',
      },
      {
        userId: left.id,
        orgUnitId: a.id,
        dxRole: 'full_time',
        validFrom: '2024-06-01',
        validTo: null,
      },
    ]);
    await memberships.update({ userId: moving.id }, { validTo: '2025-08-01' });
    await memberships.insert({
      userId: moving.id,
      orgUnitId: b.id,
      dxRole: 'full_time',
      validFrom: '2025-08-01',
      validTo: null,
    });
    // A unit opened under B after the merge date: its link is re-pointed, not split.
    const late = await t.make.unit(b, 'Xã mới');
    await t.db
      .getRepository(OrgUnitEdgeEntity)
      .update({ unitId: late.id }, { validFrom: '2025-09-01' });

    await merge(b.id, { targetId: a.id, effectiveDate: E }).expect(200);

    const history = async (userId: string) =>
      (await memberships.find({ where: { userId }, order: { validFrom: 'ASC' } })).map((m) => [
        m.orgUnitId,
        m.dxRole,
        m.validFrom,
        m.validTo,
      ]);
    expect(await history(left.id)).toEqual([
      [b.id, 'full_time', '2010-01-01', '2024-06-01'],
      [a.id, 'full_time', '2024-06-01', null],
    ]);
    expect(await history(moving.id)).toEqual([
      [b.id, 'none', '2000-01-01', E],
      [a.id, 'none', E, '2025-08-01'],
      [a.id, 'full_time', '2025-08-01', null],
    ]);
    const lateEdges = await t.db.getRepository(OrgUnitEdgeEntity).findBy({ unitId: late.id });
    expect(lateEdges.map((x) => [x.parentId, x.validFrom, x.validTo])).toEqual([
      [a.id, '2025-09-01', null],
    ]);
    const bEdges = await t.db.getRepository(OrgUnitEdgeEntity).findBy({ unitId: b.id });
    expect(bEdges.map((x) => x.validTo)).toEqual([E]);
  });

  it('serialises concurrent opposite merges: exactly one succeeds', async () => {
    const { a, b } = await t.make.twoProvinces();
    const [one, two] = await Promise.all([
      merge(a.id, { targetId: b.id, effectiveDate: E }),
      merge(b.id, { targetId: a.id, effectiveDate: E }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 400]);
  });

  describe('refusals (nothing changes)', () => {
    async function expectRefused(
      id: string,
      body: object,
      status: number,
      field: string,
      message?: RegExp,
    ): Promise<void> {
      const res = await merge(id, body);
      expect(res.status).toBe(status);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field,
            ...(message ? { message: expect.stringMatching(message) } : {}),
          }),
        ]),
      );
    }

    it('refuses a merge into itself and into its own subtree', async () => {
      const { b, b1 } = await t.make.twoProvinces();
      await expectRefused(b.id, { targetId: b.id, effectiveDate: E }, 400, 'targetId', /itself/);
      await expectRefused(b.id, { targetId: b1.id, effectiveDate: E }, 400, 'targetId', /inside/);
      expect(await t.db.getRepository(OrgUnitEntity).findOneByOrFail({ id: b.id })).toMatchObject({
        validTo: null,
      });
    });

    it('answers 400 for an unknown target and 404 for an unknown unit', async () => {
      const { a, b } = await t.make.twoProvinces();
      const nobody = '00000000-0000-4000-8000-000000000000';
      await expectRefused(b.id, { targetId: nobody, effectiveDate: E }, 400, 'targetId');
      const res = await merge(nobody, { targetId: a.id, effectiveDate: E });
      expect(res.status).toBe(404);
    });

    it('answers 409 for a unit already closed and 400 for a target closed at the date', async () => {
      const { a, b, a1, b1 } = await t.make.twoProvinces();
      await merge(b1.id, { targetId: a1.id, effectiveDate: '2024-01-01' }).expect(200);
      await expectRefused(b1.id, { targetId: a1.id, effectiveDate: E }, 409, 'id');
      await merge(a.id, { targetId: b.id, effectiveDate: '2024-06-01' }).expect(200);
      await expectRefused(a1.id, { targetId: a.id, effectiveDate: E }, 400, 'targetId', /closed/);
    });

    it('refuses a date not after the unit started, an impossible date and a bad target', async () => {
      const { a, b } = await t.make.twoProvinces();
      await expectRefused(
        b.id,
        { targetId: a.id, effectiveDate: '2000-01-01' },
        400,
        'effectiveDate',
      );
      await expectRefused(
        b.id,
        { targetId: a.id, effectiveDate: '2025-02-30' },
        400,
        'effectiveDate',
      );
      await expectRefused(b.id, { targetId: 'x', effectiveDate: E }, 400, 'targetId');
      await expect(
        t.db.getRepository(OrgUnitEntity).findOneByOrFail({ id: b.id }),
      ).resolves.toMatchObject({
        validTo: null,
      });
    });

    it('allows only a sysadmin', async () => {
      const { a, b } = await t.make.twoProvinces();
      const hr = await t.make.user(a, { roles: ['hr'] });
      const res = await merge(
        b.id,
        { targetId: a.id, effectiveDate: E },
        await t.tokenFor(hr.username),
      );
      expect(res.status).toBe(403);
      await t.http
        .post(`/api/org-units/${b.id}/merge`)
        .send({ targetId: a.id, effectiveDate: E })
        .expect(401);
    });
  });
});
