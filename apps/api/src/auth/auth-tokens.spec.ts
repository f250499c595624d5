import { AuditLogEntity, RefreshTokenEntity, UserEntity } from '@dx/db';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';

const OLD_SECRET = 'bi-mat-cu-da-thay-the-tu-thang-truoc-0123456789';
const UNKNOWN_SECRET = 'mot-bi-mat-khong-ai-liet-ke-ca-0123456789abcdef';

describe('access and refresh tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ JWT_PREVIOUS_SECRETS: OLD_SECRET });
  });
  afterAll(() => t.close());

  async function signIn(user: UserEntity) {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: user.username, password: Factories.PASSWORD })
      .expect(200);
    return res.body as { accessToken: string; refreshToken: string };
  }
  const me = (accessToken: string) =>
    t.http.get('/api/me').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => t.http.post('/api/auth/refresh').send({ refreshToken });
  const payloadOf = (u: UserEntity) => ({
    sub: u.id,
    username: u.username,
    orgUnitId: u.orgUnitId,
    roles: u.roles,
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('issues access tokens that live 15 minutes by default, and a refresh token', async () => {
    const user = await t.make.user(await t.make.unit());
    const { accessToken, refreshToken } = await signIn(user);
    const claims = new JwtService().decode(accessToken) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    const rows = await t.db.getRepository(RefreshTokenEntity).findBy({ userId: user.id });
    expect(rows).toEqual([
      expect.objectContaining({
        tokenHash: createHash('sha256').update(refreshToken).digest('hex'),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });

  it('answers 401 to an expired token signed with the current secret', async () => {
    const user = await t.make.user(await t.make.unit());
    const expired = await new JwtService().signAsync(
      { ...payloadOf(user), iat: now() - 3600, exp: now() - 60 },
      { secret: t.config.jwt.secret, algorithm: 'HS256' },
    );
    const res = await me(expired).expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'unauthenticated',
      message: expect.any(String),
      errors: [],
    });
    const fresh = await new JwtService().signAsync(payloadOf(user), {
      secret: t.config.jwt.secret,
      expiresIn: 60,
    });
    await me(fresh).expect(200);
  });

  it('refuses a token that expires after the API has already accepted it', async () => {
    const user = await t.make.user(await t.make.unit());
    // Verified tokens are remembered: the memory must not outlive the token's expiry.
    const shortLived = await new JwtService().signAsync(
      { ...payloadOf(user), iat: now(), exp: now() + 2 },
      { secret: t.config.jwt.secret, algorithm: 'HS256' },
    );
    await me(shortLived).expect(200);
    await me(shortLived).expect(200);
    await new Promise((r) => setTimeout(r, 2_100));
    await me(shortLived).expect(401);
  });

  it('accepts a token signed with a secret in JWT_PREVIOUS_SECRETS, not with an unlisted one', async () => {
    const user = await t.make.user(await t.make.unit());
    const sign = (secret: string) =>
      new JwtService().signAsync(payloadOf(user), { secret, expiresIn: 300, algorithm: 'HS256' });
    await me(await sign(OLD_SECRET)).expect(200);
    await me(await sign(UNKNOWN_SECRET)).expect(401);
    // An old secret does not revive an expired token, nor any other algorithm.
    const expiredOld = await new JwtService().signAsync(
      { ...payloadOf(user), iat: now() - 600, exp: now() - 5 },
      { secret: OLD_SECRET, algorithm: 'HS256' },
    );
    await me(expiredOld).expect(401);
    const hs512 = await new JwtService().signAsync(payloadOf(user), {
      secret: t.config.jwt.secret,
      algorithm: 'HS512',
    });
    await me(hs512).expect(401);
    // New tokens are signed with the current secret only.
    const { accessToken } = await signIn(user);
    await expect(
      new JwtService().verifyAsync(accessToken, { secret: OLD_SECRET }),
    ).rejects.toThrow();
    await expect(
      new JwtService().verifyAsync(accessToken, { secret: t.config.jwt.secret }),
    ).resolves.toBeTruthy();
  });

  it('rotates the refresh token on every use; the new access token carries current roles', async () => {
    const user = await t.make.user(await t.make.unit());
    const first = await signIn(user);
    await t.db.getRepository(UserEntity).update(user.id, { roles: ['learner', 'trainer'] });
    const second = (await refresh(first.refreshToken).expect(200)).body;
    expect(Object.keys(second).sort()).toEqual(['accessToken', 'refreshToken']);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken).expect(200)).body.roles).toEqual(['learner', 'trainer']);
    const third = (await refresh(second.refreshToken).expect(200)).body;
    await me(third.accessToken).expect(200);
    // The family keeps its current token and the one used last, no more.
    expect(await t.db.getRepository(RefreshTokenEntity).countBy({ userId: user.id })).toBe(2);
  });

  it('revokes the whole family when a used refresh token comes back, and records it', async () => {
    const user = await t.make.user(await t.make.unit());
    const stolen = await signIn(user);
    const other = await signIn(user); // another device: a separate family
    const victim = (await refresh(stolen.refreshToken).expect(200)).body;
    const replay = await refresh(stolen.refreshToken).expect(401);
    expect(replay.body).toEqual({
      statusCode: 401,
      code: 'unauthenticated',
      message: expect.any(String),
      errors: [],
    });
    // The legitimate holder's newer token is dead too: both must sign in again.
    await refresh(victim.refreshToken).expect(401);
    await refresh(other.refreshToken).expect(200);
    const entries = await t.db
      .getRepository(AuditLogEntity)
      .findBy({ action: 'auth.refresh_token_reused', targetId: user.id });
    expect(entries).toEqual([
      expect.objectContaining({ actorId: null, targetType: 'user', ip: expect.any(String) }),
    ]);
  });

  it('signs out: the refresh token and its family stop working; other sessions stay', async () => {
    const user = await t.make.user(await t.make.unit());
    const session = await signIn(user);
    const next = (await refresh(session.refreshToken).expect(200)).body;
    const elsewhere = await signIn(user);
    await t.http.post('/api/auth/logout').send({ refreshToken: next.refreshToken }).expect(204);
    await refresh(next.refreshToken).expect(401);
    await refresh(elsewhere.refreshToken).expect(200);
    // Idempotent, and silent about tokens it does not know.
    await t.http.post('/api/auth/logout').send({ refreshToken: next.refreshToken }).expect(204);
    await t.http
      .post('/api/auth/logout')
      .send({ refreshToken: 'A'.repeat(43) })
      .expect(204);
  });

  it('refuses expired, unknown and malformed refresh tokens', async () => {
    const user = await t.make.user(await t.make.unit());
    const { refreshToken } = await signIn(user);
    await t.db
      .getRepository(RefreshTokenEntity)
      .update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    await refresh(refreshToken).expect(401);
    await refresh('B'.repeat(43)).expect(401);
    const bad = await refresh('not a token').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
    await t.http.post('/api/auth/refresh').send({}).expect(400);
  });

  it('ends every session when the account is deleted', async () => {
    const user = await t.make.user(await t.make.unit());
    const { refreshToken } = await signIn(user);
    await t.db.getRepository(UserEntity).delete(user.id);
    await refresh(refreshToken).expect(401);
  });
});
