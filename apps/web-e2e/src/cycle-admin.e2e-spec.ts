import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { openPage } from './support/browser';
import { browserSuite } from './support/browser-suite';
import type { E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs, type Credentials } from './support/learner-session';
import { createLearningWorld } from './support/learning-world';
import { axeViolations, languageProblems, watchApiMessages } from './support/page-quality';

/** The learning world, its unit's name and an HR officer of that unit. */
async function createCycleWorld(state: E2eState) {
  const world = await createLearningWorld(state);
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const unit = await admin.get<{ name: string }>(`/org-units/${world.orgUnitId}`);
  const hr: Credentials = {
    username: `tccb.${world.learner.username.split('.')[1]}`,
    password: world.learner.password,
  };
  await admin.post('/users', {
    ...hr,
    fullName: 'Trần Thị Tổ Chức',
    orgUnitId: world.orgUnitId,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });
  return { ...world, unitName: unit.name, hr };
}

const JOURNEY_TIMEOUT = 180_000;

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n% giấy chứng nhận\ntrailer<<>>\n%%EOF\n');

async function expectCleanPage(page: Page, seen: Set<string>) {
  await page.waitForLoadState('networkidle');
  expect([...(await axeViolations(page)), ...(await languageProblems(page, seen))]).toEqual([]);
}

describe('HR screens of the yearly cycle', () => {
  const suite = browserSuite(createCycleWorld);
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );

  it(
    'HR sets a requirement for its unit, corrects it, is told why a bad one is refused, and removes it',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'cycle-requirements',
        async () => {
          const page = await suite.openPage();
          const seen = watchApiMessages(page);
          page.on('dialog', (d) => void d.accept());
          const { hr, unitName } = suite.world;
          await loginAs(page, hr);
          await page.goto('/admin');
          await page.getByRole('link', { name: 'Yêu cầu bồi dưỡng hằng năm', exact: true }).click();
          await page
            .getByRole('heading', { level: 1, name: 'Yêu cầu bồi dưỡng hằng năm', exact: true })
            .waitFor();
          await page
            .getByText(`Chưa có yêu cầu bồi dưỡng nào cho năm ${year}.`, { exact: true })
            .waitFor();

          const form = page.getByRole('region', { name: `Thêm yêu cầu cho năm ${year}` });
          await form.getByTestId('picked-unit').filter({ hasText: unitName }).waitFor();
          // Refused: no hours. The reason shows under the field, in Vietnamese.
          await form.getByLabel('Số giờ', { exact: true }).fill('0');
          await form.getByRole('button', { name: 'Thêm yêu cầu', exact: true }).click();
          await form.locator('.field__hint--error').first().waitFor();
          expect(
            await form.getByLabel('Số giờ', { exact: true }).getAttribute('aria-invalid'),
          ).toBe('true');
          await expectCleanPage(page, seen);

          await form.getByLabel('Số giờ', { exact: true }).fill('3');
          await form.getByRole('button', { name: 'Thêm yêu cầu', exact: true }).click();
          await form.getByText('Đã thêm yêu cầu bồi dưỡng.', { exact: true }).waitFor();
          const row = page.locator('tbody tr').filter({ hasText: unitName });
          await row.getByText(`31/12/${year}`, { exact: true }).waitFor();
          await row.getByText('Chuyên trách, Kiêm nhiệm', { exact: true }).waitFor();
          await row.getByText('3', { exact: true }).waitFor();

          await row
            .getByRole('button', { name: `Sửa yêu cầu của ${unitName}`, exact: true })
            .click();
          await row.getByLabel('Số giờ', { exact: true }).fill('2,5');
          await row.getByLabel('Kiêm nhiệm', { exact: true }).uncheck();
          await row.getByRole('button', { name: 'Lưu yêu cầu', exact: true }).click();
          await row.getByText('2,5', { exact: true }).waitFor();
          await row.getByText('Chuyên trách', { exact: true }).waitFor();
          await expectCleanPage(page, seen);

          await row
            .getByRole('button', { name: `Xóa yêu cầu của ${unitName}`, exact: true })
            .click();
          await page
            .getByText(`Chưa có yêu cầu bồi dưỡng nào cho năm ${year}.`, { exact: true })
            .waitFor();
        },
      ),
    JOURNEY_TIMEOUT,
  );

  it(
    'HR records a training a learner took elsewhere with its scanned evidence, corrects it, sees it listed and downloads the evidence; the learner downloads it from their history',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'cycle-records',
        async () => {
          const page = await suite.openPage();
          const seen = watchApiMessages(page);
          const { hr, learner } = suite.world;
          await loginAs(page, hr);
          await page.goto('/admin');
          await page.getByRole('link', { name: 'Bồi dưỡng ngoài nền tảng', exact: true }).click();
          await page
            .getByLabel('Tìm người (họ tên hoặc tên đăng nhập)', { exact: true })
            .fill(learner.username);
          await page.getByRole('button', { name: `Chọn ${learner.fullName}`, exact: true }).click();
          const section = page.getByRole('region', {
            name: `Bồi dưỡng ngoài nền tảng của ${learner.fullName} ${learner.username}`,
          });
          await section.getByText('Chưa ghi nhận lớp bồi dưỡng nào.', { exact: true }).waitFor();

          const title = 'Lớp tập huấn kỹ năng số của Sở Nội vụ';
          await section.getByLabel('Tên lớp, khóa bồi dưỡng', { exact: true }).fill(title);
          await section.getByLabel('Đơn vị tổ chức', { exact: true }).fill('Sở Nội vụ');
          await section.getByLabel('Số giờ', { exact: true }).fill('4');
          await section.getByLabel('Ngày hoàn thành', { exact: true }).fill(`${year}-01-02`);
          await section
            .getByLabel('Tệp minh chứng (không bắt buộc)', { exact: true })
            .setInputFiles({
              name: 'giay-chung-nhan.pdf',
              mimeType: 'application/pdf',
              buffer: EVIDENCE_PDF,
            });
          await section.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
          await section.getByText('Đã ghi nhận lớp bồi dưỡng.', { exact: true }).waitFor();
          const row = section.locator('tbody tr').filter({ hasText: title });
          await row.getByText(`02/01/${year}`, { exact: true }).waitFor();
          await expectCleanPage(page, seen);

          // "Minh chứng" saves the uploaded scan under a name made from the record.
          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 60_000 }),
            row.getByRole('button', { name: `Tải minh chứng của “${title}”`, exact: true }).click(),
          ]);
          expect(download.suggestedFilename()).toBe(`Minh chứng - ${title} - ${year}-01-02.pdf`);
          expect((await readFile(await download.path())).equals(EVIDENCE_PDF)).toBe(true);

          await row.getByRole('button', { name: `Sửa “${title}”`, exact: true }).click();
          const editing = section
            .locator('tbody tr')
            .filter({ has: page.getByRole('button', { name: 'Lưu', exact: true }) });
          await editing.getByLabel('Số giờ', { exact: true }).fill('6');
          await editing.getByRole('button', { name: 'Lưu', exact: true }).click();
          await section
            .locator('tbody tr')
            .filter({ hasText: title })
            .getByText('6', { exact: true })
            .waitFor();

          // The learner gets the same scan from their history, and only through their session.
          const own = await openPage(suite.browser, { baseURL: suite.state.baseUrl });
          try {
            const ownSeen = watchApiMessages(own.page);
            await loginAs(own.page, learner);
            await own.page.goto('/my-learning');
            const history = own.page.getByRole('region', { name: 'Lịch sử học tập theo năm' });
            const recorded = history.getByRole('row', { name: new RegExp(title) });
            const [mine] = await Promise.all([
              own.page.waitForEvent('download', { timeout: 60_000 }),
              recorded
                .getByRole('button', { name: `Tải minh chứng của “${title}”`, exact: true })
                .click(),
            ]);
            expect(mine.suggestedFilename()).toBe(`Minh chứng - ${title} - ${year}-01-02.pdf`);
            expect((await readFile(await mine.path())).equals(EVIDENCE_PDF)).toBe(true);
            await expectCleanPage(own.page, ownSeen);
          } finally {
            await own.context.close();
          }
        },
      ),
    JOURNEY_TIMEOUT,
  );
});
