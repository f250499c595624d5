import { createTestApp, TestApp } from '../test/test-app';

describe('GET /api/me/org-unit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("names the caller's unit and its ancestors from the root, even those outside the scope", async () => {
    const tree = await t.make.twoProvinces();
    const learner = await t.make.user(tree.a1);
    const res = await t.http
      .get('/api/me/org-unit')
      .set('Authorization', await t.tokenFor(learner.username))
      .expect(200);
    expect(res.body).toEqual({
      id: tree.a1.id,
      code: tree.a1.code,
      name: tree.a1.name,
      path: [tree.root, tree.a, tree.a1].map((u) => ({ id: u.id, code: u.code, name: u.name })),
    });
    // The ancestors themselves stay out of a learner's reach.
    await t.http
      .get(`/api/org-units/${tree.a.id}`)
      .set('Authorization', await t.tokenFor(learner.username))
      .expect(404);
  });
});
