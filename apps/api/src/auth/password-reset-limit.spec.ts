import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

/** Its own queue prefix, so no other spec's requests share the address's window. */
describe('password-reset requests: at most 20 per client address and hour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ QUEUE_PREFIX: `dxtest-pwr-${randomBytes(4).toString('hex')}` });
  }, 90_000);
  afterAll(() => t.close());

  const ask = (body: object) => t.http.post('/api/auth/password-reset').send(body);

  it('answers 429 in the contract shape past the limit; invalid bodies use no slot', async () => {
    for (let i = 0; i < 5; i++) await ask({}).expect(400);
    for (let i = 0; i < 20; i++) await ask({ username: `khong.co.${i}` }).expect(202);
    expectThrottled(
      await ask({ username: 'khong.co.21' }),
      t.config.rateLimits.passwordResetRequest.windowSeconds,
    );
  });
});
