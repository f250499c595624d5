import { AuditLogEntity } from '@dx/db';
import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

/** A limit of 3 per window, on a queue prefix (and so rate-limit keys) of this spec's own. */
describe('public endpoints: rate limit per client address, audited in aggregate', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      PUBLIC_RATE_LIMIT_MAX: '3',
      PUBLIC_RATE_LIMIT_WINDOW_SECONDS: '120',
      QUEUE_PREFIX: `dxtest-rl-${randomBytes(4).toString('hex')}`,
    });
  }, 90_000);
  afterAll(() => t.close());

  it('answers 429 past the limit (with CORS and Retry-After), and audits it once per window', async () => {
    const since = new Date();
    for (let i = 0; i < 3; i++)
      await t.http.get('/api/public/certificates/CDS-1999-000001').expect(404);
    for (let i = 0; i < 3; i++) {
      const res = await t.http.get('/api/public/keys');
      expect(expectThrottled(res, 120)).toBe(120);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    }
    const entries = await t.db
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.action = :action AND a.at >= :since', {
        action: 'certificate.public_rate_limited',
        since,
      })
      .getMany();
    expect(entries).toHaveLength(1);
    expect(entries[0].details).toMatchObject({ max: 3, windowSeconds: 120 });
    expect(entries[0].ip).toBeTruthy();
  });
});
