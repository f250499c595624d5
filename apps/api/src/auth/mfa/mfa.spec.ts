import { AuditLogEntity, UserMfaEntity } from '@dx/db';
import { createTestApp, TestApp } from '../../test/test-app';
import { expectThrottled } from '../../test/throttled';
import { Factories } from '../../test/factories';
import { totpCode } from './totp';

const STEP_MS = 30_000;

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'hr,sysadmin', LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  const login = (username: string) =>
    t.http.post('/api/auth/login').send({ username, password: Factories.PASSWORD }).expect(200);

  /** Signs an hr in and enrols the factor the role requires; returns the secret and codes. */
  async function enrolledHr() {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const { mfaToken } = (await login(hr.username)).body;
    const setup = await t.http.post('/api/auth/mfa/setup').send({ mfaToken }).expect(200);
    const enabled = await t.http
      .post('/api/auth/mfa/enable')
      .send({ mfaToken, code: totpCode(setup.body.secret) })
      .expect(200);
    return { hr, unit, secret: setup.body.secret as string, enabled: enabled.body };
  }

  it('sends hr to set-up at sign-in, then signs them in with the first code and recovery codes', async () => {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const first = await login(hr.username);
    expect(first.body).toEqual({ mfa: 'setup', mfaToken: expect.any(String) });
    const { mfaToken } = first.body;
    // The challenge opens nothing but the second step.
    await t.http.get('/api/me').set('Authorization', `Bearer ${mfaToken}`).expect(401);
    await t.http.post('/api/auth/mfa/verify').send({ mfaToken, code: '123456' }).expect(401);

    const setup = await t.http.post('/api/auth/mfa/setup').send({ mfaToken }).expect(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toBe(
      `otpauth://totp/DX%20Academy:${hr.username}?secret=${setup.body.secret}&period=30&digits=6&algorithm=SHA1&issuer=DX%20Academy`,
    );
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    const wrong = await t.http.post('/api/auth/mfa/enable').send({ mfaToken, code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'mfa_code_invalid' }),
    ]);

    const enabled = await t.http
      .post('/api/auth/mfa/enable')
      .send({ mfaToken, code: totpCode(setup.body.secret) })
      .expect(200);
    expect(enabled.body).toMatchObject({ accessToken: expect.any(String), user: { id: hr.id } });
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    await t.http
      .get('/api/me')
      .set('Authorization', `Bearer ${enabled.body.accessToken}`)
      .expect(200);

    // Recovery codes are kept as hashes only; the change is audited.
    const row = await t.db.getRepository(UserMfaEntity).findOneByOrFail({ userId: hr.id });
    expect(row.enabledAt).not.toBeNull();
    expect(row.recoveryCodeHashes).toHaveLength(10);
    expect(JSON.stringify(row)).not.toContain(enabled.body.recoveryCodes[0]);
    await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'auth.mfa_enabled', targetId: hr.id });

    const status = await t.http
      .get('/api/me/mfa')
      .set('Authorization', `Bearer ${enabled.body.accessToken}`)
      .expect(200);
    expect(status.body).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('asks an enrolled person for a code at every sign-in; a code works once, a recovery code once', async () => {
    const { hr, secret, enabled } = await enrolledHr();
    const second = await login(hr.username);
    expect(second.body).toEqual({ mfa: 'verify', mfaToken: expect.any(String) });
    const { mfaToken } = second.body;

    // The code that enabled the factor was spent: replaying it is refused.
    const replay = await t.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret) });
    expect(replay.status).toBe(400);
    const next = await t.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret, Date.now() + STEP_MS) })
      .expect(200);
    expect(next.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });

    const recovery = enabled.recoveryCodes[3].toLowerCase().replace('-', '');
    const again = (await login(hr.username)).body.mfaToken;
    await t.http.post('/api/auth/mfa/verify').send({ mfaToken: again, code: recovery }).expect(200);
    const third = (await login(hr.username)).body.mfaToken;
    await t.http.post('/api/auth/mfa/verify').send({ mfaToken: third, code: recovery }).expect(400);
  });

  it('throttles wrong codes: past the limit even the right code answers 429 with the wait', async () => {
    const { hr, secret } = await enrolledHr();
    const { mfaToken } = (await login(hr.username)).body;
    for (let i = 0; i < 3; i++)
      await t.http.post('/api/auth/mfa/verify').send({ mfaToken, code: '999999' }).expect(400);
    const res = await t.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: totpCode(secret, Date.now() + STEP_MS) });
    expectThrottled(res, t.config.login.failureWindowSeconds);
  });

  it('refuses a forged, expired or set-up challenge at the verify step', async () => {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const { mfaToken } = (await login(hr.username)).body;
    const wrongStep = await t.http
      .post('/api/auth/mfa/verify')
      .send({ mfaToken, code: '123456' })
      .expect(401);
    expect(wrongStep.body.code).toBe('sign_in_step_expired');
    const forged = await t.http
      .post('/api/auth/mfa/setup')
      .send({ mfaToken: `${mfaToken.slice(0, -2)}xx` })
      .expect(401);
    expect(forged.body.code).toBe('sign_in_step_expired');
    // A real access token is no challenge either.
    const learner = await t.make.user(unit);
    const access = (await login(learner.username)).body.accessToken;
    await t.http.post('/api/auth/mfa/setup').send({ mfaToken: access }).expect(401);
  });

  it('lets a learner enrol by choice and switch it off; a required role cannot', async () => {
    const unit = await t.make.unit();
    const learner = await t.make.user(unit);
    const first = await login(learner.username);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const auth = `Bearer ${first.body.accessToken}`;
    expect((await t.http.get('/api/me/mfa').set('Authorization', auth).expect(200)).body).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const setup = await t.http.post('/api/me/mfa/setup').set('Authorization', auth).expect(200);
    const codes = await t.http
      .post('/api/me/mfa/enable')
      .set('Authorization', auth)
      .send({ code: totpCode(setup.body.secret) })
      .expect(200);
    expect(codes.body.recoveryCodes).toHaveLength(10);
    const again = await t.http.post('/api/me/mfa/setup').set('Authorization', auth).expect(409);
    expect(again.body.code).toBe('mfa_already_enabled');
    expect((await login(learner.username)).body.mfa).toBe('verify');

    await t.http
      .post('/api/me/mfa/disable')
      .set('Authorization', auth)
      .send({ code: codes.body.recoveryCodes[0] })
      .expect(204);
    expect((await login(learner.username)).body.accessToken).toEqual(expect.any(String));

    const { enabled } = await enrolledHr();
    const refused = await t.http
      .post('/api/me/mfa/disable')
      .set('Authorization', `Bearer ${enabled.accessToken}`)
      .send({ code: enabled.recoveryCodes[0] });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('mfa_required');
  });

  it('lets a sysadmin reset a lost factor: audited, sessions end, next sign-in enrols again', async () => {
    const { hr, unit, enabled } = await enrolledHr();
    const admin = await t.make.user(unit, { roles: ['learner', 'sysadmin'] });
    await t.db.query(
      `INSERT INTO user_mfa (user_id, secret, enabled_at) VALUES ($1, 'JBSWY3DPEHPK3PXP', now())`,
      [admin.id],
    );
    const adminChallenge = (await login(admin.username)).body.mfaToken;
    const adminAuth = `Bearer ${
      (
        await t.http
          .post('/api/auth/mfa/verify')
          .send({ mfaToken: adminChallenge, code: totpCode('JBSWY3DPEHPK3PXP') })
          .expect(200)
      ).body.accessToken
    }`;

    // hr may not reset anyone's factor, even their own.
    await t.http
      .delete(`/api/users/${hr.id}/mfa`)
      .set('Authorization', `Bearer ${enabled.accessToken}`)
      .expect(403);
    await t.http.delete(`/api/users/${hr.id}/mfa`).set('Authorization', adminAuth).expect(204);

    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'auth.mfa_reset', targetId: hr.id });
    expect(audit).toMatchObject({ actorId: admin.id, details: { hadFactor: true } });
    await t.http.post('/api/auth/refresh').send({ refreshToken: enabled.refreshToken }).expect(401);
    expect((await login(hr.username)).body.mfa).toBe('setup');
    await t.http
      .delete('/api/users/00000000-0000-4000-8000-000000000000/mfa')
      .set('Authorization', adminAuth)
      .expect(404);
  });
});
