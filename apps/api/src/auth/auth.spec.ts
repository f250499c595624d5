import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('signs in with the right password and returns the user, never a hash', async () => {
    const unit = await t.make.unit();
    const user = await t.make.user(unit, { fullName: 'Trần Thị Bích Ngọc' });
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: user.username.toUpperCase(), password: Factories.PASSWORD })
      .expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toEqual({
      id: user.id,
      username: user.username,
      fullName: 'Trần Thị Bích Ngọc',
      orgUnitId: unit.id,
      roles: ['learner'],
      dxRole: 'full_time',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);

    const me = await t.http
      .get('/api/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('answers 401 wrong_credentials alike to a wrong password, an unknown user and a deactivated one', async () => {
    const user = await t.make.user(await t.make.unit());
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ username: user.username, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      statusCode: 401,
      code: 'wrong_credentials',
      message: expect.any(String),
      errors: [],
    });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ username: 'no.such.user', password: 'x' })
      .expect(401);
    expect(unknown.body).toEqual(wrong.body);
    const left = await t.make.user(await t.make.unit());
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [left.id]);
    const deactivated = await t.http
      .post('/api/auth/login')
      .send({ username: left.username, password: Factories.PASSWORD })
      .expect(401);
    expect(deactivated.body).toEqual(wrong.body);
  });

  it('throttles an account after repeated failures with 429, even for the right password', async () => {
    const user = await t.make.user(await t.make.unit());
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ username: user.username, password: 'bad' })
        .expect(401);
    }
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: user.username, password: Factories.PASSWORD });
    // How long to wait, for the login page to say: within the failure window.
    expectThrottled(res, t.config.login.failureWindowSeconds);
  });

  it('answers 401 without a token, with a forged token and with a malformed header', async () => {
    await t.http.get('/api/me').expect(401);
    await t.http.get('/api/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    await t.http.get('/api/me').set('Authorization', 'Basic abc').expect(401);
  });

  it('refuses a malformed login body with field errors', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 42 }).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'username' }),
        expect.objectContaining({ field: 'password' }),
      ]),
    );
  });
});
