import { createTestApp, TestApp } from '../test/test-app';

describe('org units', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    const root = await t.make.unit();
    const sys = await t.make.user(root, { roles: ['sysadmin'] });
    admin = await t.tokenFor(sys.username);
  });
  afterAll(() => t.close());

  const code = () => `UT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  it('builds a tree of any depth and lists children', async () => {
    const top = await t.http
      .post('/api/org-units')
      .set('Authorization', admin)
      .send({ code: code(), name: 'Tỉnh Thử nghiệm', parentId: null })
      .expect(201);
    expect(top.body).toMatchObject({ id: expect.any(String), name: 'Tỉnh Thử nghiệm', parentId: null });

    let parentId = top.body.id;
    for (let depth = 1; depth <= 5; depth++) {
      const res = await t.http
        .post('/api/org-units')
        .set('Authorization', admin)
        .send({ code: code(), name: `Cấp ${depth}`, parentId })
        .expect(201);
      parentId = res.body.id;
    }
    const children = await t.http
      .get(`/api/org-units?parentId=${top.body.id}`)
      .set('Authorization', admin)
      .expect(200);
    expect(children.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(children.body.items[0].name).toBe('Cấp 1');

    const deepest = await t.http.get(`/api/org-units/${parentId}`).set('Authorization', admin).expect(200);
    expect(deepest.body.name).toBe('Cấp 5');
  });

  it('keeps codes unique (409) and normalises them to upper case', async () => {
    const c = code();
    await t.http.post('/api/org-units').set('Authorization', admin).send({ code: c, name: 'Một', parentId: null }).expect(201);
    const dup = await t.http
      .post('/api/org-units')
      .set('Authorization', admin)
      .send({ code: c.toLowerCase(), name: 'Hai', parentId: null })
      .expect(409);
    expect(dup.body.errors).toEqual([{ field: 'code', code: 'already_used', message: 'already used' }]);
  });

  it('refuses malformed bodies with field errors, never 500', async () => {
    const cases: [unknown, string[]][] = [
      [{}, ['code', 'name', 'parentId']],
      [{ code: 'A B', name: 'x', parentId: 'nope' }, ['code', 'name', 'parentId']],
      [{ code: 'OK', name: 'Tên', parentId: null, extra: 1 }, ['extra']],
      [{ code: 'OK2', name: 'Tên', parentId: '00000000-0000-4000-8000-000000000000' }, ['parentId']],
    ];
    for (const [body, fields] of cases) {
      const res = await t.http.post('/api/org-units').set('Authorization', admin).send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(fields));
    }
    await t.http.get('/api/org-units/not-a-uuid').set('Authorization', admin).expect(400);
    await t.http.get('/api/org-units?pageSize=1000').set('Authorization', admin).expect(400);
    const broken = await t.http
      .post('/api/org-units')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"code":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, code: 'bad_request', message: expect.stringMatching(/JSON/), errors: [] });
  });

  it('scopes reads to the caller subtree: 404 outside, and only sysadmin creates', async () => {
    const { a, a1, b, b1 } = await t.make.twoProvinces();
    const hrA = await t.tokenFor((await t.make.user(a, { roles: ['hr'] })).username);

    const top = await t.http.get('/api/org-units').set('Authorization', hrA).expect(200);
    expect(top.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);
    await t.http.get(`/api/org-units/${a1.id}`).set('Authorization', hrA).expect(200);
    await t.http.get(`/api/org-units/${b.id}`).set('Authorization', hrA).expect(404);
    await t.http.get(`/api/org-units/${b1.id}`).set('Authorization', hrA).expect(404);
    await t.http.get(`/api/org-units?parentId=${b.id}`).set('Authorization', hrA).expect(404);
    await t.http
      .post('/api/org-units')
      .set('Authorization', hrA)
      .send({ code: code(), name: 'Không được', parentId: a.id })
      .expect(403);
  });
});
