import { createTestApp, TestApp } from '../test/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('reports db and redis up, checked for real', async () => {
    t = await createTestApp();
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('answers 503 with redis marked down when Redis is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so every Redis command fails fast.
    t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const res = await t.http.get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'error', db: 'up', redis: 'down' });
  });
});
