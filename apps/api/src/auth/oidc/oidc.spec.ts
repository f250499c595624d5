import { AuditLogEntity, RefreshTokenEntity } from '@dx/db';
import { TestOidcProvider } from '@dx/testing';
import { createTestApp, TestApp } from '../../test/test-app';

const BASE = 'http://127.0.0.1:9';
const CALLBACK = `${BASE}/api/auth/oidc/callback`;

describe('single sign-on (OpenID Connect) against a real provider', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let username: string;

  beforeAll(async () => {
    username = `sso.${Date.now().toString(36)}`;
    provider = await TestOidcProvider.start({
      clients: [
        {
          client_id: 'dx-academy',
          client_secret: 'dx-academy-client-secret-0123456789',
          redirect_uris: [CALLBACK],
        },
        {
          client_id: 'other-app',
          client_secret: 'other-app-client-secret-0123456789',
          redirect_uris: [CALLBACK],
        },
      ],
      accounts: {
        'vneid-001': { preferred_username: username, email: 'sso@example.vn' },
        'vneid-404': { preferred_username: 'nobody.here', email: 'nobody@example.vn' },
      },
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

  /** Starts a sign-on at the API and lets the provider sign `account` in: the callback URL. */
  async function atProvider(account: string): Promise<URL> {
    const start = await t.http.get('/api/auth/oidc/start').expect(302);
    const authUrl = new URL(start.headers.location);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    await provider.signInNext(account);
    const back = new URL(await provider.authorize(authUrl.toString()));
    expect(back.origin + back.pathname).toBe(CALLBACK);
    return back;
  }

  const callback = (url: URL) => t.http.get(`/api/auth/oidc/callback${url.search}`).expect(302);
  const sessions = () => t.db.getRepository(RefreshTokenEntity).count();
  const audits = () => t.db.getRepository(AuditLogEntity).count();

  it('says it is configured', async () => {
    expect((await t.http.get('/api/auth/oidc').expect(200)).body).toEqual({ enabled: true });
  });

  it('signs a linked person in; the one-time code and the callback work once', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit, { username });
    const back = await atProvider('vneid-001');
    const res = await callback(back);
    const code = new URLSearchParams(res.headers.location.split('#')[1]).get('code');
    expect(res.headers.location.startsWith('/login/sso#code=')).toBe(true);

    const session = await t.http.post('/api/auth/oidc/exchange').send({ code }).expect(200);
    expect(session.body.user).toMatchObject({ id: person.id, username });
    await t.http
      .get('/api/me')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(200);
    const replayed = await t.http.post('/api/auth/oidc/exchange').send({ code }).expect(401);
    expect(replayed.body.code).toBe('sso_code_invalid');

    // The same callback again (a replayed code and state): refused, nothing written.
    const before = [await sessions(), await audits()];
    expect((await callback(back)).headers.location).toBe('/login/sso?error=failed');
    expect([await sessions(), await audits()]).toEqual(before);
  });

  it('refuses an identity linked to nobody, and creates no one', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM app_user`);
    const res = await callback(await atProvider('vneid-404'));
    expect(res.headers.location).toBe('/login/sso?error=unknown_identity');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(before);
  });

  it('refuses a wrong state and a code issued to another client', async () => {
    const back = await atProvider('vneid-001');
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    expect((await callback(forged)).headers.location).toBe('/login/sso?error=failed');

    // A code the provider gave another application (the same user, our state): the token
    // endpoint refuses it for our client, so no ID token with our audience comes back.
    const ours = await t.http.get('/api/auth/oidc/start').expect(302);
    const state = new URL(ours.headers.location).searchParams.get('state') ?? '';
    const foreign = new URL(ours.headers.location);
    foreign.searchParams.set('client_id', 'other-app');
    await provider.signInNext('vneid-001');
    const theirs = new URL(await provider.authorize(foreign.toString()));
    theirs.searchParams.set('state', state);
    const before = await sessions();
    expect((await callback(theirs)).headers.location).toBe('/login/sso?error=failed');
    expect(await sessions()).toBe(before);
  });
});
