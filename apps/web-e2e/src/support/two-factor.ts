import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import type { Credentials } from './learner-session';

/** The phone's authenticator: the code of `secret` at `at` (RFC 6238, 30-second steps). */
export const totpAt = (secret: string, at: number) =>
  authenticator.clone({ epoch: at }).generate(secret);

/** Types a code into the "Mã xác thực" field and presses `button`. */
export async function fillTotpCode(page: Page, code: string, button: string): Promise<void> {
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/**
 * On /me/two-factor (signed in, second factor off): starts the set-up and returns the key the
 * page prints under its QR code, as a person would type it into the phone's app.
 */
export async function startTotpSetup(page: Page): Promise<string> {
  await page.goto('/me/two-factor');
  await page.getByText('Xác thực hai lớp đang tắt.', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Thiết lập xác thực hai lớp', exact: true }).click();
  await page.getByRole('img', { name: /Mã QR/ }).waitFor();
  const secret = ((await page.locator('code.mono').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  return secret;
}

/** Confirms the set-up with the app's current code; returns the recovery codes shown once. */
export async function confirmTotpSetup(page: Page, secret: string): Promise<string[]> {
  await fillTotpCode(page, totpAt(secret, Date.now()), 'Bật xác thực hai lớp');
  const items = page.getByRole('list', { name: 'Mã khôi phục' }).getByRole('listitem');
  await items.first().waitFor();
  const codes = await items.allTextContents();
  await page.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục', exact: true }).click();
  await page.getByText(`Xác thực hai lớp đang bật. Còn ${codes.length} mã khôi phục.`).waitFor();
  return codes;
}

/**
 * Signs in with the password, then the second step's code. The code of the next 30-second
 * step: the enrolling code's step is spent (a code works once).
 */
export async function signInWithTotp(page: Page, who: Credentials, secret: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem('dx.accessToken'))).toBeNull();
  await fillTotpCode(page, totpAt(secret, Date.now() + 30_000), 'Xác nhận');
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}
