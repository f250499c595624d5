import { createTestApp, TestApp } from '../test/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is served at /api/docs-json and names the contract endpoints', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/auth/login',
      '/api/me',
      '/api/org-units',
      '/api/users/import',
      '/api/courses',
      '/api/quizzes/{id}/attempts',
      '/api/public/certificates/{serial}',
      '/api/reports/coverage',
    ]) {
      expect(paths).toContain(p);
    }
    await t.http.get('/api/docs').expect(200);
  });
});
