import { MembershipEntity, UserEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';

describe('users', () => {
  let t: TestApp;
  let admin: string;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    admin = await t.tokenFor((await t.make.user(tree.root, { roles: ['sysadmin'] })).username);
    hrA = await t.tokenFor((await t.make.user(tree.a, { roles: ['hr'] })).username);
  });
  afterAll(() => t.close());

  const newUser = (orgUnitId: string, extra: object = {}) => ({
    username: `nv.${Math.random().toString(36).slice(2, 8)}`,
    password: 'Mot-mat-khau-dai-1',
    fullName: 'Phạm Thị Thu Hằng',
    email: 'hang.ptt@example.gov.vn',
    dateOfBirth: '1988-02-29',
    orgUnitId,
    jobTitle: 'Chuyên viên chính',
    dxRole: 'part_time',
    ...extra,
  });

  it('creates a user with an argon2id hash, an open membership, and never returns the hash', async () => {
    const body = newUser(tree.a1.id);
    const res = await t.http.post('/api/users').set('Authorization', hrA).send(body).expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      username: body.username,
      fullName: 'Phạm Thị Thu Hằng',
      dateOfBirth: '1988-02-29',
      orgUnitId: tree.a1.id,
      dxRole: 'part_time',
      roles: ['learner'],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);

    const stored = await t.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: res.body.id })
      .getOneOrFail();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const memberships = await t.db.getRepository(MembershipEntity).findBy({ userId: res.body.id });
    expect(memberships).toEqual([
      expect.objectContaining({ orgUnitId: tree.a1.id, dxRole: 'part_time', validTo: null }),
    ]);
    await t.tokenFor(body.username, body.password);
  });

  it('lets hr create only inside their subtree and never grant sysadmin', async () => {
    await t.http.post('/api/users').set('Authorization', hrA).send(newUser(tree.b1.id)).expect(403);
    const grant = await t.http
      .post('/api/users')
      .set('Authorization', hrA)
      .send(newUser(tree.a.id, { roles: ['sysadmin'] }))
      .expect(403);
    expect(grant.body.errors).toEqual([
      { field: 'roles', code: 'invalid', message: expect.any(String) },
    ]);
    await t.http
      .post('/api/users')
      .set('Authorization', admin)
      .send(newUser(tree.b1.id, { roles: ['hr', 'learner'] }))
      .expect(201);
  });

  it('refuses a learner (403), a duplicate username (409) and bad input (400 with fields)', async () => {
    const learner = await t.tokenFor((await t.make.user(tree.a)).username);
    await t.http.post('/api/users').set('Authorization', learner).send(newUser(tree.a.id)).expect(403);

    const body = newUser(tree.a.id);
    await t.http.post('/api/users').set('Authorization', hrA).send(body).expect(201);
    await t.http.post('/api/users').set('Authorization', hrA).send(body).expect(409);

    const bad = await t.http
      .post('/api/users')
      .set('Authorization', hrA)
      .send({ username: 'X', password: 'short', fullName: '', email: 'nope', dateOfBirth: '1990-02-30', orgUnitId: 'x', dxRole: 'boss', roles: ['king'] })
      .expect(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    for (const f of ['username', 'password', 'fullName', 'email', 'dateOfBirth', 'orgUnitId', 'dxRole', 'roles']) {
      expect(fields).toContain(f);
    }
  });

  it('lists people of the caller subtree only, with search', async () => {
    const inA = await t.make.user(tree.a1, { fullName: 'Lê Văn Tìm Thấy' });
    const inB = await t.make.user(tree.b1, { fullName: 'Lê Văn Tìm Thấy' });
    const res = await t.http
      .get('/api/users')
      .query({ q: 'tìm thấy' })
      .set('Authorization', hrA)
      .expect(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    const everywhere = await t.http
      .get('/api/users')
      .query({ q: 'tìm thấy' })
      .set('Authorization', admin)
      .expect(200);
    expect(everywhere.body.items.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([inA.id, inB.id]),
    );
    // Searched for as a character, not as a LIKE wildcard that matches everyone.
    const percent = await t.http.get('/api/users').query({ q: '%' }).set('Authorization', admin).expect(200);
    expect(percent.body.total).toBe(0);
    await t.http.get(`/api/users?orgUnitId=${tree.b.id}`).set('Authorization', hrA).expect(404);
    const own = await t.http.get(`/api/users?orgUnitId=${tree.a1.id}`).set('Authorization', hrA).expect(200);
    expect(own.body.items.every((u: { orgUnitId: string }) => u.orgUnitId === tree.a1.id)).toBe(true);
  });
});
