import type { Page } from 'playwright-core';

export interface Credentials {
  username: string;
  password: string;
}

/** Logs a user in through the real form, like a person would. */
export async function loginAs(page: Page, { username, password }: Credentials) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Signing in lands on the learner's home.
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * Marks the lesson on screen complete when nothing follows it ("Hoàn thành bài học") and
 * waits for the course's progress to read `percent`.
 */
export async function completeLesson(page: Page, title: string, percent: number | null) {
  // The page's own title (the lesson's Markdown may start with the same heading).
  await page.locator('#lesson-title').filter({ hasText: title }).waitFor();
  await page.getByRole('button', { name: 'Hoàn thành bài học' }).click();
  await page.getByText('Bạn đã hoàn thành bài học này').waitFor();
  if (percent !== null) {
    await page
      .getByTestId('progress-value')
      .filter({ hasText: `${percent}%` })
      .waitFor();
  }
}

/** One click on "Hoàn thành và tiếp tục": the lesson is done and the next item opens. */
export async function completeAndContinue(page: Page, title: string) {
  await page.locator('#lesson-title').filter({ hasText: title }).waitFor();
  const before = page.url();
  await page.getByRole('button', { name: 'Hoàn thành và tiếp tục' }).click();
  await page.waitForURL((url) => url.href !== before);
}
