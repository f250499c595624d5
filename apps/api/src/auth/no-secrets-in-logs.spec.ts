import { loadAppConfig } from '@dx/config';
import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';

const ADMIN_PASSWORD = 'Mat-khau-quan-tri-rat-bi-mat-2026';
const WRONG_PASSWORD = 'Doan-sai-mat-khau-bi-mat-99';
const JWT_SECRET = 'bi-mat-ky-token-khong-duoc-lot-ra-nhat-ky-0123456789';

/**
 * Everything the API prints — the Nest logger writes to stdout/stderr, libraries may use
 * console — captured through start-up with ADMIN_PASSWORD, a failed and a successful
 * sign-in, authenticated calls and an unexpected error. None of the secrets may appear.
 */
describe('no secrets in logs', () => {
  let url: string;
  let t: TestApp | undefined;
  const printed: string[] = [];
  const restore: (() => void)[] = [];

  function capture(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      // Kept, not passed on: the expected 500 would otherwise clutter the test output.
      stream.write = ((chunk: unknown) => {
        printed.push(String(chunk));
        return true;
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      });
      restore.push(() => spy.mockRestore());
    }
  }

  beforeAll(async () => {
    url = await createTestDatabase('dx_logs');
  });
  afterAll(async () => {
    restore.forEach((r) => r());
    await t?.close();
    await dropTestDatabase(url);
  });

  it('prints none of the password, JWT secret, tokens or password hash', async () => {
    capture();
    t = await createTestApp({
      DATABASE_URL: url,
      JWT_SECRET,
      ADMIN_USERNAME: 'quantri.nhatky',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'verbose',
    });
    await t.http
      .post('/api/auth/login')
      .send({ username: 'quantri.nhatky', password: WRONG_PASSWORD })
      .expect(401);
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'quantri.nhatky', password: ADMIN_PASSWORD })
      .expect(200);
    const { accessToken, refreshToken } = login.body;
    const auth = `Bearer ${accessToken}`;
    await t.http.get('/api/me').set('Authorization', auth).expect(200);
    await t.http.get('/api/no-such-route').set('Authorization', auth).expect(404);
    await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(200);
    // An unexpected failure inside an authenticated request: logged with its stack.
    await t.db.query('ALTER TABLE app_user RENAME COLUMN full_name TO full_name_tam');
    try {
      await t.http.get('/api/me').set('Authorization', auth).expect(500);
    } finally {
      await t.db.query('ALTER TABLE app_user RENAME COLUMN full_name_tam TO full_name');
    }
    const [{ password_hash: hash }] = await t.db.query(
      `SELECT password_hash FROM app_user WHERE username = 'quantri.nhatky'`,
    );

    const log = printed.join('');
    // The capture works: start-up and the 500 were printed.
    expect(log).toContain('Created sysadmin "quantri.nhatky"');
    expect(log).toContain('full_name');
    for (const secret of [
      ADMIN_PASSWORD,
      WRONG_PASSWORD,
      JWT_SECRET,
      accessToken,
      refreshToken,
      hash,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(accessToken.split('.')[2]);
    expect(log).not.toMatch(/Bearer\s+\S/);
    expect(log).not.toMatch(/\$argon2id\$/);
  });

  it('names a bad secret variable at start without printing its value', () => {
    const badKey = '-----BEGIN PUBLIC KEY----- khong-phai-khoa-rieng -----END PUBLIC KEY-----';
    const shortOld = 'ngan-qua';
    let message = '';
    try {
      loadAppConfig({ JWT_SECRET, CERT_SIGNING_KEY: badKey, JWT_PREVIOUS_SECRETS: shortOld });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/CERT_SIGNING_KEY/);
    expect(message).toMatch(/JWT_PREVIOUS_SECRETS/);
    expect(message).not.toContain('khong-phai-khoa-rieng');
    expect(message).not.toContain(shortOld);
  });
});
