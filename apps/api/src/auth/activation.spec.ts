import { ActivationCodeEntity, AuditLogEntity, MailEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

const NEW_PASSWORD = 'Trời xanh mây trắng 2026';

describe('activation codes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  function issue(personId: string, hrToken: string) {
    return t.http.post(`/api/users/${personId}/activation`).set('Authorization', hrToken);
  }

  it('lets hr issue a code that the imported person uses once to set a password and sign in', async () => {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const person = await t.make.user(unit, {
      noPassword: true,
      email: 'lan.pt@example.vn',
      fullName: 'Phạm Thị Lan',
    });
    const res = await issue(person.id, await t.tokenFor(hr.username)).expect(200);
    expect(res.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // Stored as a keyed hash only; mailed to the person; audited.
    const stored = await t.db
      .getRepository(ActivationCodeEntity)
      .findOneByOrFail({ userId: person.id });
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(res.body.code);
    const mail = await t.db.getRepository(MailEntity).findOneByOrFail({ userId: person.id });
    expect(mail).toMatchObject({
      recipient: 'lan.pt@example.vn',
      template: 'activation-code',
      status: 'pending',
    });
    expect(mail.params).toMatchObject({
      code: res.body.code,
      username: person.username,
      fullName: 'Phạm Thị Lan',
    });
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'user.activation_code_issued', targetId: person.id });
    expect(audit).toMatchObject({ actorId: hr.id, details: { mailed: true } });

    // Typed the way people type codes off paper: lower case, no dashes.
    const typed = res.body.code.replace(/-/g, '').toLowerCase();
    const activated = await t.http
      .post('/api/auth/activate')
      .send({ username: person.username, code: typed, newPassword: NEW_PASSWORD })
      .expect(200);
    expect(activated.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect(activated.body.user).toMatchObject({ id: person.id, username: person.username });
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: NEW_PASSWORD })
      .expect(200);

    const again = await t.http
      .post('/api/auth/activate')
      .send({
        username: person.username,
        code: res.body.code,
        newPassword: 'Một mật khẩu khác hẳn',
      })
      .expect(400);
    expect(again.body).toMatchObject({
      statusCode: 400,
      code: 'invalid_input',
      errors: [{ field: 'code', code: 'activation_code_invalid' }],
    });
  });

  it('answers a wrong code and an unknown person alike, then throttles with 429', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit, { noPassword: true });
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const { body } = await issue(person.id, await t.tokenFor(hr.username)).expect(200);

    const unknown = await t.http
      .post('/api/auth/activate')
      .send({ username: 'khong.ton.tai', code: body.code, newPassword: NEW_PASSWORD })
      .expect(400);
    expect(unknown.body.errors).toMatchObject([{ field: 'code', code: 'activation_code_invalid' }]);
    for (let i = 0; i < 3; i++) {
      const wrong = await t.http
        .post('/api/auth/activate')
        .send({ username: person.username, code: 'AAAA-BBBB-CCCC-DDDD', newPassword: NEW_PASSWORD })
        .expect(400);
      expect(wrong.body).toEqual(unknown.body);
    }
    // Past the limit even the right code waits, and is told how long.
    const res = await t.http
      .post('/api/auth/activate')
      .send({ username: person.username, code: body.code, newPassword: NEW_PASSWORD });
    expectThrottled(res, t.config.login.failureWindowSeconds);
  });

  it('refuses an expired code and a code replaced by a newer one', async () => {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const hrToken = await t.tokenFor(hr.username);
    const person = await t.make.user(unit, { noPassword: true });
    const first = (await issue(person.id, hrToken).expect(200)).body.code;
    const second = (await issue(person.id, hrToken).expect(200)).body.code;
    await t.http
      .post('/api/auth/activate')
      .send({ username: person.username, code: first, newPassword: NEW_PASSWORD })
      .expect(400);

    await t.db.query(
      `UPDATE activation_code SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [person.id],
    );
    await t.http
      .post('/api/auth/activate')
      .send({ username: person.username, code: second, newPassword: NEW_PASSWORD })
      .expect(400);
  });

  it('refuses a weak new password in Vietnamese and leaves the code usable', async () => {
    const unit = await t.make.unit();
    const hr = await t.make.user(unit, { roles: ['learner', 'hr'] });
    const person = await t.make.user(unit, {
      noPassword: true,
      username: 'tuan.lv',
      fullName: 'Lê Văn Tuấn',
    });
    const { body } = await issue(person.id, await t.tokenFor(hr.username)).expect(200);
    const weak = await t.http
      .post('/api/auth/activate')
      .send({ username: 'tuan.lv', code: body.code, newPassword: 'levantuan2026' })
      .expect(400);
    expect(weak.body.errors).toMatchObject([
      { field: 'newPassword', code: 'password_contains_name' },
    ]);
    await t.http
      .post('/api/auth/activate')
      .send({ username: 'tuan.lv', code: body.code, newPassword: NEW_PASSWORD })
      .expect(200);
  });

  it('keeps hr to its subtree and away from sysadmin accounts', async () => {
    const { a, b } = await t.make.twoProvinces();
    const hrA = await t.make.user(a, { roles: ['learner', 'hr'] });
    const tokenA = await t.tokenFor(hrA.username);
    const outside = await t.make.user(b, { noPassword: true });
    const admin = await t.make.user(a, { roles: ['learner', 'sysadmin'] });
    const learner = await t.make.user(a);
    await issue(outside.id, tokenA).expect(404);
    await issue(admin.id, tokenA).expect(403);
    await issue('00000000-0000-4000-8000-000000000000', tokenA).expect(404);
    await issue('not-a-uuid', tokenA).expect(400);
    await issue(outside.id, await t.tokenFor(learner.username)).expect(403);
    expect(await t.db.getRepository(ActivationCodeEntity).countBy({ userId: outside.id })).toBe(0);
  });

  it('lets a sysadmin issue a code anywhere, without mail for a person without email', async () => {
    const { b } = await t.make.twoProvinces();
    const root = await t.make.unit();
    const admin = await t.make.user(root, { roles: ['learner', 'sysadmin'] });
    const person = await t.make.user(b, { noPassword: true });
    await issue(person.id, await t.tokenFor(admin.username)).expect(200);
    expect(await t.db.getRepository(MailEntity).countBy({ userId: person.id })).toBe(0);
  });
});
