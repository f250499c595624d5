import { RefreshTokenEntity } from '@dx/db';
import type { TestApp } from '../../test/test-app';
import { OIDC_CALLBACK, oidcWorld, OidcWorld } from './oidc.fixtures';

describe('single sign-on (OpenID Connect) against a real provider', () => {
  let world: OidcWorld;
  let t: TestApp;
  const username = `sso.${Date.now().toString(36)}`;

  beforeAll(async () => {
    world = await oidcWorld({
      accounts: {
        'vneid-001': { preferred_username: username, email: 'sso@example.vn' },
        'vneid-404': { preferred_username: 'nobody.here', email: 'nobody@example.vn' },
      },
      otherClients: [
        {
          client_id: 'other-app',
          client_secret: 'other-app-client-secret-0123456789',
          redirect_uris: [OIDC_CALLBACK],
        },
      ],
    });
    t = world.t;
  }, 60_000);
  afterAll(() => world?.close());

  const sessions = () => t.db.getRepository(RefreshTokenEntity).count();

  it('says it is configured', async () => {
    expect((await t.http.get('/api/auth/oidc').expect(200)).body).toEqual({ enabled: true });
  });

  it('signs a linked person in; the one-time code and the callback work once', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit, { username });
    const back = await world.atProvider('vneid-001');
    const res = await world.callback(back);
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
    const before = await world.writes();
    expect((await world.callback(back)).headers.location).toBe('/login/sso?error=failed');
    expect(await world.writes()).toEqual(before);
  });

  it('refuses an identity linked to nobody, and creates no one', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM app_user`);
    const res = await world.callback(await world.atProvider('vneid-404'));
    expect(res.headers.location).toBe('/login/sso?error=unknown_identity');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(before);
  });

  it('refuses a wrong state and a code issued to another client', async () => {
    const back = await world.atProvider('vneid-001');
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    expect((await world.callback(forged)).headers.location).toBe('/login/sso?error=failed');

    // A code the provider gave another application (the same user, our state): the token
    // endpoint refuses it for our client, so no ID token with our audience comes back.
    const ours = await t.http.get('/api/auth/oidc/start').expect(302);
    const state = new URL(ours.headers.location).searchParams.get('state') ?? '';
    const foreign = new URL(ours.headers.location);
    foreign.searchParams.set('client_id', 'other-app');
    await world.provider.signInNext('vneid-001');
    const theirs = new URL(await world.provider.authorize(foreign.toString()));
    theirs.searchParams.set('state', state);
    const before = await sessions();
    expect((await world.callback(theirs)).headers.location).toBe('/login/sso?error=failed');
    expect(await sessions()).toBe(before);
  });
});
