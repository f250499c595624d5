import { calendarDate } from '@dx/contracts';
import {
  AuditLogEntity,
  MembershipEntity,
  OrgUnitEntity,
  OrgUnitMergeEntity,
  UserEntity,
} from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';

describe('scheduled merges: POST and DELETE /api/org-units/:id/merge with a later date', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let later: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    const sysadmin = await t.make.user(await t.make.unit(), { roles: ['sysadmin'] });
    adminId = sysadmin.id;
    admin = await t.tokenFor(sysadmin.username);
    today = calendarDate(t.config.reportsTimeZone);
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 30);
    later = d.toISOString().slice(0, 10);
  });
  afterAll(() => t.close());

  const merge = (id: string, body: object, token = admin) =>
    t.http.post(`/api/org-units/${id}/merge`).set('Authorization', token).send(body);
  const cancel = (id: string, token = admin) =>
    t.http.delete(`/api/org-units/${id}/merge`).set('Authorization', token);
  const getUnit = (id: string) => t.http.get(`/api/org-units/${id}`).set('Authorization', admin);
  const actions = async (unitId: string) =>
    (
      await t.db
        .getRepository(AuditLogEntity)
        .find({ where: { targetId: unitId }, order: { at: 'ASC' } })
    ).map((a) => a.action);

  it('records a merge for a later date as pending: the unit keeps its people and children until then', async () => {
    const { root, a, b, b1 } = await t.make.twoProvinces();
    const person = await t.make.user(b, { fullName: 'Trần Thị Hạnh' });

    const res = await merge(b.id, { targetId: a.id, effectiveDate: later }).expect(200);
    const pending = {
      targetId: a.id,
      targetCode: a.code,
      targetName: 'Tỉnh A',
      effectiveDate: later,
    };
    expect(res.body).toMatchObject({
      id: b.id,
      validTo: null,
      successorId: null,
      pendingMerge: pending,
    });
    expect((await getUnit(b.id).expect(200)).body.pendingMerge).toEqual(pending);
    const list = await t.http
      .get('/api/org-units')
      .query({ parentId: root.id })
      .set('Authorization', admin);
    const byId = new Map(
      list.body.items.map((u: { id: string; pendingMerge: unknown }) => [u.id, u.pendingMerge]),
    );
    expect(byId.get(b.id)).toEqual(pending);
    expect(byId.get(a.id)).toBeNull();

    // Nothing moved: the tree, the people and their history are today's.
    expect(await t.db.getRepository(OrgUnitEntity).findOneByOrFail({ id: b1.id })).toMatchObject({
      parentId: b.id,
    });
    expect(await t.db.getRepository(UserEntity).findOneByOrFail({ id: person.id })).toMatchObject({
      orgUnitId: b.id,
    });
    expect(await t.db.getRepository(MembershipEntity).findBy({ userId: person.id })).toEqual([
      expect.objectContaining({ orgUnitId: b.id, validTo: null }),
    ]);
    expect(await t.db.getRepository(OrgUnitMergeEntity).findBy({ unitId: b.id })).toEqual([
      expect.objectContaining({
        targetId: a.id,
        effectiveDate: later,
        status: 'pending',
        requestedById: adminId,
      }),
    ]);
    expect(await actions(b.id)).toEqual(['org_unit.merge_scheduled']);
  });

  it('refuses a second merge of the unit, a target that is to be merged itself, and closing a unit others wait to join', async () => {
    const { root, a, b, a1, b1 } = await t.make.twoProvinces();
    await merge(b.id, { targetId: a.id, effectiveDate: later }).expect(200);

    const again = await merge(b.id, { targetId: a.id, effectiveDate: later }).expect(400);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'merge_pending' }),
    ]);
    const intoLeaving = await merge(a1.id, { targetId: b.id, effectiveDate: later }).expect(400);
    expect(intoLeaving.body.errors).toEqual([
      expect.objectContaining({
        field: 'targetId',
        code: 'merge_target_closing',
        params: { date: later },
      }),
    ]);
    const other = await t.make.unit(root, 'Tỉnh C');
    const awaited = await merge(a.id, { targetId: other.id, effectiveDate: today }).expect(400);
    expect(awaited.body.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'merge_pending' }),
    ]);
    // A unit not involved merges as before, today.
    await merge(b1.id, { targetId: a1.id, effectiveDate: today }).expect(200);
    expect(await t.db.getRepository(OrgUnitMergeEntity).findBy({ unitId: b1.id })).toEqual([
      expect.objectContaining({ status: 'applied', effectiveDate: today }),
    ]);
  });

  it('cancels a pending merge before its date; then none is shown and a new one can be scheduled', async () => {
    const { a, b } = await t.make.twoProvinces();
    await merge(b.id, { targetId: a.id, effectiveDate: later }).expect(200);

    await cancel(b.id).expect(204);
    expect((await getUnit(b.id)).body).toMatchObject({ pendingMerge: null, validTo: null });
    expect(await t.db.getRepository(OrgUnitMergeEntity).findBy({ unitId: b.id })).toEqual([
      expect.objectContaining({ status: 'cancelled', settledAt: expect.any(Date) }),
    ]);
    expect(await actions(b.id)).toEqual(['org_unit.merge_scheduled', 'org_unit.merge_cancelled']);
    const none = await cancel(b.id).expect(404);
    expect(none.body.code).toBe('not_found');
    await merge(b.id, { targetId: a.id, effectiveDate: later }).expect(200);
  });

  it('refuses to cancel a merge whose date has come (the worker applies it), and lets only a sysadmin cancel', async () => {
    const { a, b, a1, b1 } = await t.make.twoProvinces();
    await t.db
      .getRepository(OrgUnitMergeEntity)
      .insert({ unitId: b.id, targetId: a.id, effectiveDate: today, status: 'pending' });
    const due = await cancel(b.id).expect(409);
    expect(due.body).toMatchObject({ code: 'conflict', params: { date: today } });

    await merge(b1.id, { targetId: a1.id, effectiveDate: later }).expect(200);
    const hr = await t.make.user(a, { roles: ['hr'] });
    await cancel(b1.id, await t.tokenFor(hr.username)).expect(403);
    await t.http.delete(`/api/org-units/${b1.id}/merge`).expect(401);
    expect((await getUnit(b1.id)).body.pendingMerge).toMatchObject({ effectiveDate: later });
  });
});
