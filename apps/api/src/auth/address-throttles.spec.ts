import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

/**
 * The limits per client address (ten times the per-person one: an office behind one NAT
 * address gets room) answer like every other throttle, with how long to wait. Each test
 * has a queue prefix, and so address counters, of its own.
 */
describe('per-address throttles of sign-in and password reset', () => {
  let t: TestApp;
  const MAX_FAILURES = 1;
  const PER_ADDRESS = MAX_FAILURES * 10;

  beforeEach(async () => {
    t = await createTestApp({
      LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      QUEUE_PREFIX: `dxtest-addr-${randomBytes(4).toString('hex')}`,
    });
  }, 90_000);
  afterEach(() => t.close());

  it('closes sign-in for an address after failures spread over many usernames', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ username: `khong.co.${i}`, password: 'sai mật khẩu' })
        .expect(401);
    }
    const person = await t.make.user(await t.make.unit());
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: 'đúng hay sai không quan trọng' });
    expectThrottled(res, t.config.login.failureWindowSeconds);
  });

  it('closes reset confirmation for an address after wrong tokens', async () => {
    const confirm = () =>
      t.http
        .post('/api/auth/password-reset/confirm')
        .send({
          token: randomBytes(32).toString('base64url'),
          newPassword: 'Cây đa giếng nước sân đình',
        });
    for (let i = 0; i < PER_ADDRESS; i++) await confirm().expect(400);
    expectThrottled(await confirm(), t.config.login.failureWindowSeconds);
  });
});
