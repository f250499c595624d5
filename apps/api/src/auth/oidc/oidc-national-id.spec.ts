import type { TestApp } from '../../test/test-app';
import { oidcWorld, OidcWorld } from './oidc.fixtures';

/** OIDC_LINK_FIELD=national_id: the provider's citizen number claim names the person. */
describe('single sign-on linked by national ID number', () => {
  let world: OidcWorld;
  let t: TestApp;
  const nationalId = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');

  beforeAll(async () => {
    world = await oidcWorld({
      accounts: { 'vneid-cccd': { preferred_username: 'not.our.username' } },
      apiEnv: { OIDC_LINK_FIELD: 'national_id', OIDC_LINK_CLAIM: 'citizen_id' },
    });
    t = world.t;
  }, 60_000);
  afterAll(() => world?.close());

  const signOn = async (claims: Record<string, unknown>) => {
    await world.provider.signInNext('vneid-cccd', claims);
    return world.callback(await world.atProvider('vneid-cccd'));
  };

  it('signs in the person whose number HR recorded, written with spaces or not', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit);
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    await t.http
      .patch(`/api/users/${person.id}`)
      .set('Authorization', await t.tokenFor(hr.username))
      .send({ nationalId })
      .expect(200);

    for (const claim of [nationalId, `${nationalId.slice(0, 6)} ${nationalId.slice(6)}`]) {
      const res = await signOn({ citizen_id: claim });
      expect(res.headers.location.startsWith('/login/sso#code=')).toBe(true);
      const code = new URLSearchParams(res.headers.location.split('#')[1]).get('code');
      const session = await t.http.post('/api/auth/oidc/exchange').send({ code }).expect(200);
      expect(session.body.user).toMatchObject({ id: person.id, username: person.username });
    }
  });

  it('refuses an unknown or malformed number, and a username in the claim does not count', async () => {
    const before = await world.writes();
    for (const claims of [
      { citizen_id: '999999999999' },
      { citizen_id: '12345' },
      { citizen_id: 123456789012 },
      { preferred_username: 'not.our.username' },
    ]) {
      expect((await signOn(claims)).headers.location).toBe('/login/sso?error=unknown_identity');
    }
    expect(await world.writes()).toEqual(before);
  });
});
