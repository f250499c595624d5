import { authenticator } from 'otplib';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import type { E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs, type Credentials } from './support/learner-session';

/** The phone's authenticator: the code of `secret` at `at` (RFC 6238, 30-second steps). */
const codeAt = (secret: string, at: number) => authenticator.clone({ epoch: at }).generate(secret);

async function createHr(state: E2eState): Promise<Credentials> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const unit = await admin.post<{ id: string }>('/org-units', {
    code: `MFA-${suffix.toUpperCase()}`,
    name: `Sở Nội vụ thử nghiệm ${suffix}`,
    parentId: me.orgUnitId,
  });
  const hr = {
    username: `hr.mfa.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
  };
  await admin.post('/users', {
    ...hr,
    fullName: 'Trần Thị Bảo Mật',
    orgUnitId: unit.id,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });
  return hr;
}

async function fillCode(page: Page, code: string, button: string): Promise<void> {
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: button }).click();
}

describe('two-factor sign-in', () => {
  const suite = browserSuite(createHr, 60_000);

  it(
    'an hr officer enrols a TOTP app with the QR key, keeps recovery codes and signs in with a code',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'two-factor',
        async () => {
          const hr = suite.world;
          const p = await suite.openPage();
          await loginAs(p, hr);
          await p.goto('/me/two-factor');
          await p.getByText('Xác thực hai lớp đang tắt.').waitFor();
          await p.getByRole('button', { name: 'Thiết lập xác thực hai lớp' }).click();
          await p.getByRole('img', { name: /Mã QR/ }).waitFor();
          const secret = ((await p.locator('code.mono').textContent()) ?? '').replace(/\s/g, '');
          expect(secret).toMatch(/^[A-Z2-7]{32}$/);

          await fillCode(p, '000000', 'Bật xác thực hai lớp');
          await p.getByText('Mã xác thực không đúng hoặc đã được dùng.').waitFor();
          await fillCode(p, codeAt(secret, Date.now()), 'Bật xác thực hai lớp');
          const codes = p.getByRole('list', { name: 'Mã khôi phục' }).getByRole('listitem');
          await codes.first().waitFor();
          expect(await codes.count()).toBe(10);
          await p.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
          await p.getByText('Xác thực hai lớp đang bật. Còn 10 mã khôi phục.').waitFor();

          // A new browser: the password alone no longer signs in.
          await suite.page?.context().close();
          const q = await suite.openPage();
          await q.goto('/login');
          await q.getByLabel('Tên đăng nhập').fill(hr.username);
          await q.getByLabel('Mật khẩu').fill(hr.password);
          await q.getByRole('button', { name: 'Đăng nhập' }).click();
          await q.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
          expect(await q.evaluate(() => localStorage.getItem('dx.accessToken'))).toBeNull();
          // The enrolling code's time step is spent: the next step's code signs in.
          await fillCode(q, codeAt(secret, Date.now() + 30_000), 'Xác nhận');
          await q.waitForURL((url) => url.pathname === '/');
          await q.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
        },
      ),
    90_000,
  );
});
