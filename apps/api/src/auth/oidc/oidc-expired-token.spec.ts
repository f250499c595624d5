import { AuditLogEntity, RefreshTokenEntity } from '@dx/db';
import { TestOidcProvider } from '@dx/testing';
import { createTestApp, TestApp } from '../../test/test-app';

const BASE = 'http://127.0.0.1:9';
const CALLBACK = `${BASE}/api/auth/oidc/callback`;

// A real provider whose clock runs two hours behind: every ID token it signs (valid for
// ten minutes by its clock) has expired by ours when it arrives. Signature, audience,
// nonce and state are all right, so only the expiry check can refuse it.
describe('single sign-on: an expired ID token', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let username: string;

  beforeAll(async () => {
    username = `sso.late.${Date.now().toString(36)}`;
    provider = await TestOidcProvider.start({
      clients: [
        {
          client_id: 'dx-academy',
          client_secret: 'dx-academy-client-secret-0123456789',
          redirect_uris: [CALLBACK],
        },
      ],
      accounts: { 'vneid-late': { preferred_username: username, email: 'late@example.vn' } },
      idTokenTtlSeconds: 600,
      clockOffsetSeconds: -2 * 3600,
    });
    t = await createTestApp({
      PUBLIC_BASE_URL: BASE,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'dx-academy',
      OIDC_CLIENT_SECRET: 'dx-academy-client-secret-0123456789',
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  it('is refused with the code "expired", no session and nothing written, for a linked person', async () => {
    const unit = await t.make.unit();
    await t.make.user(unit, { username });
    const before = [
      await t.db.getRepository(RefreshTokenEntity).count(),
      await t.db.getRepository(AuditLogEntity).count(),
    ];
    const start = await t.http.get('/api/auth/oidc/start').expect(302);
    await provider.signInNext('vneid-late');
    const back = new URL(await provider.authorize(start.headers.location));
    expect(back.origin + back.pathname).toBe(CALLBACK);
    const res = await t.http.get(`/api/auth/oidc/callback${back.search}`).expect(302);
    expect(res.headers.location).toBe('/login/sso?error=expired');
    expect([
      await t.db.getRepository(RefreshTokenEntity).count(),
      await t.db.getRepository(AuditLogEntity).count(),
    ]).toEqual(before);
  });
});
