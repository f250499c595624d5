import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';

describe('ending a sign-in ends its access token', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (username: string) =>
    (
      await t.http
        .post('/api/auth/login')
        .send({ username, password: Factories.PASSWORD })
        .expect(200)
    ).body;

  it('after logout the access token of that sign-in stops working, other sign-ins go on', async () => {
    const person = await t.make.user(await t.make.unit());
    const phone = await signIn(person.username);
    const laptop = await signIn(person.username);
    await t.http.get('/api/me').set('Authorization', `Bearer ${phone.accessToken}`).expect(200);
    await t.http.post('/api/auth/logout').send({ refreshToken: phone.refreshToken }).expect(204);
    await t.http.get('/api/me').set('Authorization', `Bearer ${phone.accessToken}`).expect(401);
    await t.http.get('/api/me').set('Authorization', `Bearer ${laptop.accessToken}`).expect(200);
  });

  it('a refreshed access token belongs to the same sign-in', async () => {
    const person = await t.make.user(await t.make.unit());
    const first = await signIn(person.username);
    const renewed = (
      await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    await t.http.get('/api/me').set('Authorization', `Bearer ${renewed.accessToken}`).expect(200);
    await t.http.post('/api/auth/logout').send({ refreshToken: renewed.refreshToken }).expect(204);
    await t.http.get('/api/me').set('Authorization', `Bearer ${renewed.accessToken}`).expect(401);
    await t.http.get('/api/me').set('Authorization', `Bearer ${first.accessToken}`).expect(401);
  });

  it('tokens first seen at the same moment get their own answers (their status is read together)', async () => {
    const unit = await t.make.unit();
    const [one, two, left] = await Promise.all([1, 2, 3].map(() => t.make.user(unit)));
    const phone = await signIn(one.username);
    const laptop = await signIn(one.username);
    const other = await signIn(two.username);
    const gone = await signIn(left.username);
    await t.http.post('/api/auth/logout').send({ refreshToken: phone.refreshToken }).expect(204);
    // Behind the API's back, so no process forgets anything: only the read can tell.
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [left.id]);
    const statuses = await Promise.all(
      [phone, laptop, other, gone, laptop].map(
        async (s) =>
          (await t.http.get('/api/me').set('Authorization', `Bearer ${s.accessToken}`)).status,
      ),
    );
    expect(statuses).toEqual([401, 200, 200, 401, 200]);
  });

  it('a password reset ends every sign-in, access tokens included', async () => {
    const person = await t.make.user(await t.make.unit(), { email: 'reset@example.vn' });
    const session = await signIn(person.username);
    await t.http.post('/api/auth/password-reset').send({ username: person.username }).expect(202);
    const [mail] = await t.db.query(`SELECT params FROM mail WHERE user_id = $1`, [person.id]);
    const token = new URL(mail.params.resetUrl).searchParams.get('token');
    await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, newPassword: 'Đồng lúa chín vàng ươm' })
      .expect(200);
    await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
  });
});
