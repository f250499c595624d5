import { oidcWorld, OidcWorld } from './oidc.fixtures';

// A real provider whose clock runs two hours behind: every ID token it signs (valid for
// ten minutes by its clock) has expired by ours when it arrives. Signature, audience,
// nonce and state are all right, so only the expiry check can refuse it.
describe('single sign-on: an expired ID token', () => {
  let world: OidcWorld;
  const username = `sso.late.${Date.now().toString(36)}`;

  beforeAll(async () => {
    world = await oidcWorld({
      accounts: { 'vneid-late': { preferred_username: username, email: 'late@example.vn' } },
      idTokenTtlSeconds: 600,
      clockOffsetSeconds: -2 * 3600,
    });
  }, 60_000);
  afterAll(() => world?.close());

  it('is refused with the code "expired", no session and nothing written, for a linked person', async () => {
    const unit = await world.t.make.unit();
    await world.t.make.user(unit, { username });
    const before = await world.writes();
    const res = await world.callback(await world.atProvider('vneid-late'));
    expect(res.headers.location).toBe('/login/sso?error=expired');
    expect(await world.writes()).toEqual(before);
  });
});
