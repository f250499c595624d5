import { calendarDate } from '@dx/contracts';
import { AuditLogEntity, MembershipEntity, UserEntity } from '@dx/db';
import { IsNull } from 'typeorm';
import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';

describe('PATCH /api/users/:id', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function hrOf(unit: Awaited<ReturnType<TestApp['make']['unit']>>) {
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    return t.tokenFor(hr.username);
  }

  it('edits the profile and audits what changed', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit);
    const res = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', await hrOf(unit))
      .send({
        fullName: '  Đỗ Thị Thu Hà ',
        email: 'ha.dtt@example.vn',
        jobTitle: 'Chuyên viên chính',
        dxRole: 'part_time',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      id: person.id,
      fullName: 'Đỗ Thị Thu Hà',
      email: 'ha.dtt@example.vn',
      jobTitle: 'Chuyên viên chính',
      dxRole: 'part_time',
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
    const entry = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'user.updated', targetId: person.id });
    expect(entry.details).toMatchObject({
      changes: { fullName: { from: 'Nguyễn Văn Thử', to: 'Đỗ Thị Thu Hà' } },
    });
    // A DX role change is a membership change too: today's row says part_time.
    const open = await t.db
      .getRepository(MembershipEntity)
      .findOneByOrFail({ userId: person.id, validTo: IsNull() });
    expect(open.dxRole).toBe('part_time');
  });

  it('transfers with an effective date, keeping the earlier membership, and refuses a date before it began', async () => {
    const { a, a1 } = await t.make.twoProvinces();
    const person = await t.make.user(a);
    await t.db.query(`UPDATE membership SET valid_from = '2024-01-01' WHERE user_id = $1`, [
      person.id,
    ]);
    const hr = await hrOf(a);
    const early = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ orgUnitId: a1.id, effectiveDate: '2023-12-31' })
      .expect(400);
    expect(early.body.errors[0]).toMatchObject({
      field: 'effectiveDate',
      code: 'transfer_before_membership',
      params: { since: '01/01/2024' },
    });

    await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ orgUnitId: a1.id, effectiveDate: '2025-07-01' })
      .expect(200);
    const rows = await t.db
      .getRepository(MembershipEntity)
      .find({ where: { userId: person.id }, order: { validFrom: 'ASC' } });
    expect(rows.map((r) => [r.orgUnitId, r.validFrom, r.validTo])).toEqual([
      [a.id, '2024-01-01', '2025-07-01'],
      [a1.id, '2025-07-01', null],
    ]);
    expect(
      (await t.db.getRepository(UserEntity).findOneByOrFail({ id: person.id })).orgUnitId,
    ).toBe(a1.id);
    expect(
      await t.db
        .getRepository(AuditLogEntity)
        .countBy({ action: 'user.transferred', targetId: person.id }),
    ).toBe(1);
  });

  it('keeps hr inside its subtree and below sysadmin', async () => {
    const { a, b } = await t.make.twoProvinces();
    const hr = await hrOf(a);
    const inside = await t.make.user(a);
    const outside = await t.make.user(b);
    const admin = await t.make.user(a, { roles: ['learner', 'sysadmin'] });
    await t.http
      .patch(`/api/users/${outside.id}`)
      .set('Authorization', hr)
      .send({ fullName: 'Ai Đó' })
      .expect(404);
    await t.http
      .patch(`/api/users/${inside.id}`)
      .set('Authorization', hr)
      .send({ roles: ['sysadmin'] })
      .expect(403);
    await t.http
      .patch(`/api/users/${admin.id}`)
      .set('Authorization', hr)
      .send({ fullName: 'Ai Đó' })
      .expect(403);
    await t.http
      .patch(`/api/users/${inside.id}`)
      .set('Authorization', hr)
      .send({ orgUnitId: b.id })
      .expect(403);
    const roles = await t.http
      .patch(`/api/users/${inside.id}`)
      .set('Authorization', hr)
      .send({ roles: ['trainer'] })
      .expect(200);
    expect(roles.body.roles.sort()).toEqual(['learner', 'trainer']);
    const learner = await t.tokenFor(inside.username);
    await t.http
      .patch(`/api/users/${outside.id}`)
      .set('Authorization', learner)
      .send({ fullName: 'X Y' })
      .expect(403);
  });

  it('deactivates: sign-in, refresh and access tokens stop; reactivation restores sign-in', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit);
    const session = await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: Factories.PASSWORD })
      .expect(200);
    const access = `Bearer ${session.body.accessToken}`;
    await t.http.get('/api/me').set('Authorization', access).expect(200);
    const hr = await hrOf(unit);

    const off = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ active: false })
      .expect(200);
    expect(off.body.active).toBe(false);
    await t.http.get('/api/me').set('Authorization', access).expect(401);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: Factories.PASSWORD })
      .expect(401);
    // Counted through today, not from tomorrow.
    const closed = await t.db
      .getRepository(MembershipEntity)
      .findOneByOrFail({ userId: person.id });
    expect(closed.validTo).toBe(
      calendarDate('Asia/Ho_Chi_Minh', new Date(Date.now() + 86_400_000)),
    );

    await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ active: true })
      .expect(200);
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: Factories.PASSWORD })
      .expect(200);
    const memberships = await t.db.getRepository(MembershipEntity).findBy({ userId: person.id });
    expect(memberships).toHaveLength(1);
    expect(memberships[0].validTo).toBeNull();
    const actions = (await t.db.getRepository(AuditLogEntity).findBy({ targetId: person.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  it('refuses deactivating yourself, a future transfer and bad input with field errors', async () => {
    const { a, a1 } = await t.make.twoProvinces();
    const hrUser = await t.make.user(a, { roles: ['learner', 'hr'] });
    const hr = await t.tokenFor(hrUser.username);
    await t.http
      .patch(`/api/users/${hrUser.id}`)
      .set('Authorization', hr)
      .send({ active: false })
      .expect(403);
    const person = await t.make.user(a);
    const future = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ orgUnitId: a1.id, effectiveDate: '2999-01-01' })
      .expect(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({
        field: 'effectiveDate',
        code: 'date_in_future',
        params: { date: expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/) },
      }),
    ]);
    const dateAlone = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ effectiveDate: '2024-01-01' })
      .expect(400);
    expect(dateAlone.body.errors).toEqual([
      expect.objectContaining({ field: 'effectiveDate', code: 'effective_date_needs_unit' }),
    ]);
    const bad = await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', hr)
      .send({ email: 'khong-phai-email', dxRole: 'boss', active: 'yes' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'active',
      'dxRole',
      'email',
    ]);
  });
});
