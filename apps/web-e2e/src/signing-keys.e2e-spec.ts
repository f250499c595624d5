import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { createLearningWorld } from './support/learning-world';
import { axeViolations, languageProblems, watchApiMessages } from './support/page-quality';

interface PublicKey {
  kid: string;
  validTo: string | null;
  revokedAt: string | null;
}

/** Today in Vietnam as the date input takes it (YYYY-MM-DD) and as the page writes it. */
function todayInVietnam() {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { iso, shown: iso.split('-').reverse().join('/') };
}

async function expectClean(page: Page, seen: Set<string>) {
  await page.waitForLoadState('networkidle');
  expect([...(await axeViolations(page)), ...(await languageProblems(page, seen))]).toEqual([]);
}

describe('certificate signing keys (sysadmin)', () => {
  const suite = browserSuite(createLearningWorld);

  const publicKeys = async (): Promise<PublicKey[]> =>
    (await fetch(`${suite.state.baseUrl}/api/public/keys`)).json() as Promise<PublicKey[]>;

  it(
    'a sysadmin rotates the key, then marks the new one compromised from today after reading what that does; earlier keys stay',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'signing-keys',
        async () => {
          const page = await suite.openPage();
          const seen = watchApiMessages(page);
          const { adminUsername: username, adminPassword: password } = suite.state;
          const before = await publicKeys();
          const active = before.find((k) => k.validTo === null) as PublicKey;
          expect(active).toBeDefined();

          await loginAs(page, { username, password });
          await page
            .getByRole('navigation', { name: 'Điều hướng chính' })
            .getByRole('link', { name: 'Khóa ký', exact: true })
            .click();
          await page.getByRole('heading', { level: 1, name: 'Khóa ký chứng nhận' }).waitFor();
          const row = (kid: string) => page.getByRole('row').filter({ hasText: kid });
          await row(active.kid).getByText('Đang dùng', { exact: true }).waitFor();
          await expectClean(page, seen);

          // Rotation, confirmed in a dialog that says earlier certificates stay valid.
          await page.getByRole('button', { name: 'Đổi khóa ký', exact: true }).click();
          const rotate = page.getByRole('dialog', { name: 'Đổi sang khóa ký mới?' });
          await rotate.getByText('Các chứng nhận đã cấp vẫn hợp lệ', { exact: false }).waitFor();
          await expectClean(page, seen);
          await rotate.getByRole('button', { name: 'Đổi khóa', exact: true }).click();
          await page
            .getByRole('status')
            .getByText(/^Đã đổi khóa\./)
            .waitFor();
          const rotated = await publicKeys();
          const next = rotated.find((k) => k.validTo === null) as PublicKey;
          expect(next.kid).not.toBe(active.kid);
          await page
            .getByRole('status')
            .getByText(`Đã đổi khóa. Chứng nhận mới được ký bằng khóa ${next.kid}.`)
            .waitFor();
          await row(active.kid).getByText('Đã thay', { exact: true }).waitFor();
          await row(next.kid).getByText('Đang dùng', { exact: true }).waitFor();

          // The new key (it has signed nothing yet) is marked compromised from today.
          await row(next.kid)
            .getByRole('button', { name: `Đánh dấu bị lộ — khóa ${next.kid}`, exact: true })
            .click();
          const mark = page.getByRole('dialog', { name: `Đánh dấu khóa ${next.kid} bị lộ` });
          await mark.getByRole('button', { name: 'Đánh dấu bị lộ', exact: true }).click();
          await mark.getByText('Hãy chọn ngày khóa bắt đầu bị lộ.', { exact: true }).waitFor();
          const today = todayInVietnam();
          await mark.getByLabel('Bị lộ từ ngày', { exact: true }).fill(today.iso);
          await mark
            .getByText(
              `Chứng nhận được ký bằng khóa ${next.kid} từ ngày ${today.shown} trở đi sẽ không còn hợp lệ khi tra cứu; chứng nhận ký trước ngày đó vẫn hợp lệ.`,
              { exact: true },
            )
            .waitFor();
          await mark
            .getByText(
              'Khóa này đang được dùng: một khóa mới sẽ thay thế ngay để ký các chứng nhận tiếp theo.',
              { exact: true },
            )
            .waitFor();
          await mark
            .getByLabel('Ghi chú (không bắt buộc)')
            .fill('Máy chủ ký bị truy cập trái phép');
          await expectClean(page, seen);
          await mark.getByRole('button', { name: 'Đánh dấu bị lộ', exact: true }).click();
          await page
            .getByRole('status')
            .getByText(`Đã đánh dấu khóa ${next.kid} bị lộ từ ngày ${today.shown}.`, {
              exact: true,
            })
            .waitFor();
          await row(next.kid).getByText(`Bị lộ từ ${today.shown}`, { exact: true }).waitFor();
          // No mark twice; the rotated-out key is untouched; a third key signs from now on.
          expect(await row(next.kid).getByRole('button', { name: /bị lộ/ }).count()).toBe(0);
          const after = await publicKeys();
          expect(after.find((k) => k.kid === next.kid)?.revokedAt).toBe(
            new Date(`${today.iso}T00:00:00+07:00`).toISOString(),
          );
          expect(after.find((k) => k.kid === active.kid)?.revokedAt).toBeNull();
          const third = after.find((k) => k.validTo === null) as PublicKey;
          expect([active.kid, next.kid]).not.toContain(third.kid);
          await row(third.kid).getByText('Đang dùng', { exact: true }).waitFor();
          await expectClean(page, seen);
        },
      ),
    180_000,
  );

  it('is neither offered to nor opened for anyone else', () =>
    screenshotOnFailure(
      () => suite.page,
      'signing-keys-denied',
      async () => {
        const page = await suite.openPage();
        await loginAs(page, suite.world.trainer);
        const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
        await nav.getByRole('link', { name: 'Soạn bài giảng' }).waitFor();
        expect(await nav.getByRole('link', { name: 'Khóa ký', exact: true }).count()).toBe(0);
        await page.goto('/certificates/keys');
        await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
        expect(await page.getByRole('button', { name: 'Đổi khóa ký' }).count()).toBe(0);
      },
    ));
});
