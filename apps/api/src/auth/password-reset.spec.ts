import { AuditLogEntity, MailEntity } from '@dx/db';
import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';

const NEW_PASSWORD = 'Mùa thu Hà Nội lá vàng';

describe('password reset and change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://dx.example.gov.vn' });
  });
  afterAll(() => t.close());

  async function mailedToken(userId: string): Promise<string> {
    const mail = await t.db.getRepository(MailEntity).findOneOrFail({
      where: { userId, template: 'password-reset' },
      order: { createdAt: 'DESC' },
    });
    const url = new URL(String(mail.params?.resetUrl));
    expect(`${url.origin}${url.pathname}`).toBe('https://dx.example.gov.vn/reset-password');
    return url.searchParams.get('token') as string;
  }

  it('answers 202 whether or not the person exists, and mails only a real person with an email', async () => {
    const unit = await t.make.unit();
    const withMail = await t.make.user(unit, { email: 'minh.hv@example.vn' });
    const withoutMail = await t.make.user(unit);
    const before = await t.db.getRepository(MailEntity).count();
    const answers = await Promise.all(
      ['khong.co.ai', withoutMail.username, withMail.username].map((username) =>
        t.http.post('/api/auth/password-reset').send({ username }).expect(202),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await t.db.getRepository(MailEntity).count()).toBe(before + 1);
    const mail = await t.db.getRepository(MailEntity).findOneByOrFail({ userId: withMail.id });
    expect(mail).toMatchObject({ recipient: 'minh.hv@example.vn', template: 'password-reset' });
    expect(mail.params).toMatchObject({ validMinutes: 30 });
  });

  it('sets a new password once, with the token stored hashed, and ends every sign-in', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit, { email: 'ha.nt@example.vn' });
    const session = await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: Factories.PASSWORD })
      .expect(200);
    await t.http.post('/api/auth/password-reset').send({ username: person.username }).expect(202);
    const token = await mailedToken(person.id);
    const [stored] = await t.db.query(
      `SELECT token_hash FROM password_reset_token WHERE user_id = $1`,
      [person.id],
    );
    expect(stored.token_hash).not.toContain(token);

    await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, newPassword: NEW_PASSWORD })
      .expect(200);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: Factories.PASSWORD })
      .expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: NEW_PASSWORD })
      .expect(200);

    const reused = await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, newPassword: 'Một mật khẩu khác hẳn' })
      .expect(400);
    expect(reused.body.errors).toMatchObject([{ field: 'token', code: 'reset_token_invalid' }]);
    expect(
      await t.db
        .getRepository(AuditLogEntity)
        .countBy({ action: 'auth.password_reset', targetId: person.id }),
    ).toBe(1);
  });

  it('refuses a weak password, then the same token once it has expired', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit, { email: 'son.pv@example.vn' });
    await t.http.post('/api/auth/password-reset').send({ username: person.username }).expect(202);
    const token = await mailedToken(person.id);
    const weak = await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, newPassword: 'password123' })
      .expect(400);
    expect(weak.body.errors[0]).toMatchObject({
      field: 'newPassword',
      code: 'password_too_common',
    });
    await t.db.query(
      `UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [person.id],
    );
    const expired = await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, newPassword: NEW_PASSWORD })
      .expect(400);
    expect(expired.body.errors).toMatchObject([{ field: 'token', code: 'reset_token_invalid' }]);
  });

  it('changes the password of the signed-in person only with the current one', async () => {
    const unit = await t.make.unit();
    const person = await t.make.user(unit);
    const auth = await t.tokenFor(person.username);
    const wrong = await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD })
      .expect(400);
    expect(wrong.body.errors).toMatchObject([
      { field: 'currentPassword', code: 'current_password_wrong' },
    ]);
    const short = await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: Factories.PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(short.body.errors).toMatchObject([
      { field: 'newPassword', code: 'password_too_short', params: { min: 10 } },
    ]);
    const same = await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: Factories.PASSWORD, newPassword: Factories.PASSWORD })
      .expect(400);
    expect(same.body.errors).toMatchObject([{ field: 'newPassword', code: 'password_unchanged' }]);
    await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: Factories.PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    await t.http
      .post('/api/auth/login')
      .send({ username: person.username, password: NEW_PASSWORD })
      .expect(200);
    await t.http
      .post('/api/me/password')
      .send({ currentPassword: NEW_PASSWORD, newPassword: 'x'.repeat(12) })
      .expect(401);
  });
});
