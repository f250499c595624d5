import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { readE2eState, type E2eState } from './support/e2e-env';

describe('login page', () => {
  let state: E2eState;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    state = readE2eState();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(viewport?: { width: number; height: number }): Promise<Page> {
    const opened = await openPage(browser, { baseURL: state.baseUrl, viewport });
    context = opened.context;
    return opened.page;
  }

  async function fillLogin(page: Page, username: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('logs the admin in to the home page, and shows their profile on /me', async () => {
    const page = await open();
    await fillLogin(page, state.adminUsername, state.adminPassword);

    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    await page.goto('/me');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    await main.getByText(state.adminUsername, { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  it('shows the Vietnamese error for a wrong password and stays on /login', async () => {
    const page = await open();
    await fillLogin(page, state.adminUsername, `${state.adminPassword}-wrong`);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => localStorage.getItem('dx.accessToken'))).toBeNull();
  });

  it('loads English on demand and remembers it across a reload', async () => {
    const page = await open();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByLabel('Username').waitFor();

    await page.getByRole('button', { name: /^VI/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('dx.lang'))).toBe('vi');
  });

  it('fits a 360 px wide phone screen without horizontal scrolling', async () => {
    const page = await open({ width: 360, height: 640 });
    await page.goto('/login');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });
});
