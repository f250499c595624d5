import { AuditLogEntity, UserEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';

/** A random 12-digit number (unique across the database, which other specs share). */
function nationalId(): string {
  return String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
}

describe('the national ID number of a person (CCCD)', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hr = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
  });
  afterAll(() => t.close());

  const patch = (id: string, body: object, token = hr) =>
    t.http.patch(`/api/users/${id}`).set('Authorization', token).send(body);

  it('is set by hr, spaces dropped, audited without the full number, shown to hr and not to trainers', async () => {
    const person = await t.make.user(units.a1);
    const id = nationalId();
    const spaced = `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`;
    const res = await patch(person.id, { nationalId: spaced }).expect(200);
    expect(res.body.nationalId).toBe(id);
    const entry = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'user.updated', targetId: person.id });
    expect(entry.details).toMatchObject({
      changes: { nationalId: { from: null, to: `*********${id.slice(-3)}` } },
    });
    expect(JSON.stringify(entry.details)).not.toContain(id);

    const listed = async (token: string) =>
      (
        await t.http
          .get('/api/users')
          .query({ orgUnitId: units.a1.id, pageSize: 100 })
          .set('Authorization', token)
          .expect(200)
      ).body.items.find((u: { id: string }) => u.id === person.id);
    expect((await listed(hr)).nationalId).toBe(id);
    const trainer = await t.make.user(units.a, { roles: ['learner', 'trainer'] });
    const seenByTrainer = await listed(await t.tokenFor(trainer.username));
    expect(seenByTrainer).toBeDefined();
    expect(seenByTrainer).not.toHaveProperty('nationalId');
    // Nor does the person's own profile carry it.
    const me = await t.http
      .get('/api/me')
      .set('Authorization', await t.tokenFor(person.username))
      .expect(200);
    expect(JSON.stringify(me.body)).not.toContain(id);

    await patch(person.id, { nationalId: null }).expect(200);
    expect(
      (await t.db.getRepository(UserEntity).findOneByOrFail({ id: person.id })).nationalId,
    ).toBeNull();
  });

  it('refuses a malformed number and one another person holds, with field errors', async () => {
    const [first, second] = [await t.make.user(units.a1), await t.make.user(units.a1)];
    for (const bad of ['12345678901', '1234567890123', '00109001234X', 1234567890]) {
      const res = await patch(first.id, { nationalId: bad }).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'nationalId', code: 'matches' }),
      ]);
    }
    const id = nationalId();
    await patch(first.id, { nationalId: id }).expect(200);
    const taken = await patch(second.id, { nationalId: id }).expect(400);
    expect(taken.body.errors).toEqual([
      expect.objectContaining({ field: 'nationalId', code: 'already_used' }),
    ]);
    // Giving the same person their own number again changes nothing.
    await patch(first.id, { nationalId: id }).expect(200);
  });

  it('comes in from an optional import column; repeated or taken numbers are row errors', async () => {
    const holder = await t.make.user(units.a1);
    const held = nationalId();
    await patch(holder.id, { nationalId: held }).expect(200);
    const [x, y] = [nationalId(), nationalId()];
    const p = `cccd${Date.now().toString(36)}`;
    const csv = [
      'username,fullName,orgUnitCode,dxRole,nationalId',
      `${p}.a,Nguyễn Văn An,${units.a1.code},full_time,${x}`,
      `${p}.b,Trần Thị Bình,${units.a1.code},none,${x}`,
      `${p}.c,Lê Văn Cường,${units.a1.code},none,${held}`,
      `${p}.d,Phạm Thị Dung,${units.a1.code},none,12345`,
      `${p}.e,Hoàng Văn Em,${units.a1.code},none,`,
      `${holder.username},${holder.fullName},${units.a1.code},full_time,${y}`,
    ].join('\r\n');
    const res = await t.http
      .post('/api/users/import')
      .set('Authorization', hr)
      .attach('file', Buffer.from(csv), 'users.csv')
      .expect(200);
    expect(res.body).toMatchObject({ created: 2, updated: 1 });
    expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'nationalId'],
      [4, 'nationalId'],
      [5, 'nationalId'],
    ]);
    const stored = await t.db.query(
      `SELECT username, national_id FROM app_user WHERE username = ANY($1) ORDER BY username`,
      [[`${p}.a`, `${p}.e`, holder.username]],
    );
    expect(
      Object.fromEntries(
        stored.map((r: { username: string; national_id: string }) => [r.username, r.national_id]),
      ),
    ).toEqual({
      [`${p}.a`]: x,
      [`${p}.e`]: null,
      [holder.username]: y,
    });
  });
});
