import { readFile } from 'node:fs/promises';
import { browserSuite } from './support/browser-suite';
import { createCoverageWorld } from './support/coverage-world';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { createOfficialReportWorld, yearInVietnam } from './support/official-report-world';
import { axeViolations } from './support/page-quality';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare global {
  interface Window {
    /** aria-valuenow of every progress bar seen while the report was being made. */
    __progressSeen?: number[];
  }
}

describe('training-coverage report', () => {
  // Making the coverage world takes a few dozen API calls: more than jest's default time.
  const suite = browserSuite(createCoverageWorld, 120_000);

  it(
    'lets the hr make this year’s report of the province, read it and download the CSV',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'reports',
        async () => {
          const p = await suite.openPage();
          const { world } = suite;
          const [communeA, communeB] = world.communes;
          await loginAs(p, world.hr);

          // "Báo cáo" is in the navigation for hr.
          await p
            .getByRole('navigation', { name: 'Điều hướng chính' })
            .getByRole('link', { name: 'Báo cáo', exact: true })
            .click();
          await p.getByRole('heading', { level: 1, name: 'Báo cáo tỷ lệ bồi dưỡng' }).waitFor();

          // Last year is the default; the current year is picked.
          const year = yearInVietnam();
          const yearSelect = p.getByLabel('Năm báo cáo');
          expect(await yearSelect.inputValue()).toBe(String(year - 1));
          await yearSelect.selectOption(String(year));

          // The hr's own unit (the province) is the default; pick it from the browser anyway.
          await p.getByTestId('picked-unit').filter({ hasText: world.province.name }).waitFor();
          await p.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
          await p.getByRole('button', { name: `Chọn ${world.province.name}`, exact: true }).click();
          await p.getByTestId('picked-unit').filter({ hasText: world.province.name }).waitFor();

          // Record every progress bar drawn: a fast worker may finish within one poll.
          await p.evaluate(() => {
            window.__progressSeen = [];
            const record = () => {
              document.querySelectorAll('[role="progressbar"]').forEach((bar) => {
                window.__progressSeen?.push(Number(bar.getAttribute('aria-valuenow')));
              });
            };
            new MutationObserver(record).observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
            });
          });
          await p.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();

          await p.waitForURL((url) => UUID.test(url.pathname.replace(/^\/reports\//, '')), {
            timeout: 45_000,
          });
          const seen = await p.evaluate(() => window.__progressSeen ?? []);
          expect(seen.length).toBeGreaterThan(0);
          await p
            .getByRole('heading', { level: 1, name: `Báo cáo năm ${year}: ${world.province.name}` })
            .waitFor();

          // One row per commune under the province, with the right figures (vi-VN).
          const row = (code: string) => p.locator(`tr[data-unit-code="${code}"]`);
          const cells = (code: string) => row(code).locator('td');
          await row(communeA.code).waitFor();
          expect(await cells(communeA.code).nth(0).textContent()).toBe('3');
          expect(await cells(communeA.code).nth(1).textContent()).toBe(String(communeA.trained));
          expect(await cells(communeA.code).nth(2).textContent()).toContain('66,7%');
          expect(await cells(communeB.code).nth(1).textContent()).toBe(String(communeB.trained));
          expect(await cells(communeB.code).nth(2).textContent()).toContain('50,0%');
          expect(await cells(world.province.code).nth(1).textContent()).toBe('3');
          // No requirement this year: every DX staff counts as meeting them.
          expect(await cells(communeA.code).nth(3).textContent()).toBe('3');
          // The province's own people have their row, so the communes + it add up to it.
          await p.locator('tr[data-direct]').first().getByText('Trực thuộc trực tiếp').waitFor();
          // At 1280 px the table fits its box: hours, certificates and the split fold away.
          const fits = () =>
            p
              .getByRole('region', { name: /^Tỷ lệ bồi dưỡng năm \d+ theo đơn vị/ })
              .evaluate((el) => el.scrollWidth <= el.clientWidth);
          expect(await fits()).toBe(true);
          await p.getByRole('button', { name: 'Hiện thêm cột' }).click();
          expect(await cells(communeA.code).nth(4).textContent()).toBe(
            String(2 * world.course.hours),
          );
          // Full-time: trained / staff.
          expect(await cells(communeA.code).nth(6).textContent()).toMatch(/^\d+\/\d+$/);
          await p.getByRole('button', { name: 'Thu gọn cột' }).click();

          // 80% by default: every unit is below it, flagged in words too.
          await p.getByText('Số đơn vị dưới ngưỡng 80,0%: 3').waitFor();
          await row(communeA.code).getByText('Dưới ngưỡng').waitFor();
          // At 60% only commune B (50%) is left below.
          await p.getByLabel('Ngưỡng cảnh báo (%)').fill('60');
          await p.getByText('Số đơn vị dưới ngưỡng 60,0%: 1').waitFor();
          expect(await row(communeA.code).getByText('Dưới ngưỡng').count()).toBe(0);
          await row(communeB.code).getByText('Dưới ngưỡng').waitFor();

          // The chart of the communes is an image with its own description.
          const chart = p.getByRole('img', { name: /của các đơn vị trực thuộc/ });
          await chart.waitFor();
          expect(await chart.locator('desc').textContent()).toContain(`${communeB.name}: 50,0%`);

          // Collapsing the province hides the communes.
          await p.getByRole('button', { name: `Thu gọn ${world.province.name}` }).click();
          await row(communeA.code).waitFor({ state: 'detached' });
          await p.getByRole('button', { name: `Mở rộng ${world.province.name}` }).click();
          await row(communeA.code).waitFor();

          // The CSV is fetched with the token and saved: UTF-8 with a BOM, for Excel.
          const [download] = await Promise.all([
            p.waitForEvent('download', { timeout: 45_000 }),
            p.getByRole('button', { name: 'Tải CSV' }).click(),
          ]);
          const file = await readFile(await download.path());
          expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(download.suggestedFilename()).toMatch(/\.csv$/);
          // For Excel in Vietnamese: ';' between fields, with the direct row.
          await p.getByLabel('Dấu phân cách CSV').selectOption(';');
          const [semicolon] = await Promise.all([
            p.waitForEvent('download', { timeout: 45_000 }),
            p.getByRole('button', { name: 'Tải CSV' }).click(),
          ]);
          const semicolonText = (await readFile(await semicolon.path())).toString('utf8');
          expect(semicolonText.split('\r\n')[1].split(';').length).toBe(12);
          expect(semicolonText).toContain('Trực thuộc trực tiếp');

          // Earlier years are asked for only on request; this province did not exist then.
          await p.getByRole('button', { name: 'So sánh các năm' }).click();
          await p.getByText('Đã lập xong báo cáo các năm.').waitFor({ timeout: 30_000 });
          const years = p.getByRole('img', { name: /qua các năm/ });
          const yearsText = await years.locator('desc').textContent();
          expect(yearsText).toContain(`${year - 1}: đơn vị chưa tồn tại`);
          expect(yearsText).toContain(`${year}: 60,0%`);

          // A 360 px phone: the table scrolls inside its box, the page does not.
          await p.setViewportSize({ width: 360, height: 740 });
          await p.waitForTimeout(100);
          const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth).toBeLessThanOrEqual(360);
        },
      ),
    120_000,
  );

  it('hides "Báo cáo" from a learner and refuses them the page', () =>
    screenshotOnFailure(
      () => suite.page,
      'reports-forbidden',
      async () => {
        const p = await suite.openPage();
        const learner = suite.world.communes[0].learners[2];
        await loginAs(p, learner);
        const nav = p.getByRole('navigation', { name: 'Điều hướng chính' });
        await nav.getByRole('link', { name: 'Trang chủ' }).waitFor();
        expect(await nav.getByRole('link', { name: 'Báo cáo', exact: true }).count()).toBe(0);
        await p.goto('/reports');
        await p.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      },
    ));
});

describe('stored reports', () => {
  // The official report is made by the worker while the world waits for it.
  const suite = browserSuite(createOfficialReportWorld, 120_000);

  it('lets a province’s hr find last year’s official report and read only its subtree’s rows', () =>
    screenshotOnFailure(
      () => suite.page,
      'stored-reports',
      async () => {
        const p = await suite.openPage();
        const { world } = suite;
        await loginAs(p, world.hr);
        await p
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Báo cáo', exact: true })
          .click();

        const list = p.getByRole('region', { name: 'Báo cáo đã lập' });
        const row = list.locator(`tr[data-report-id="${world.reportId}"]`);
        await row.waitFor();
        expect(await row.locator('td').first().textContent()).toBe(String(world.year));
        await row.getByText('Chính thức', { exact: true }).waitFor();
        // Dates read dd/mm/yyyy.
        expect(await row.locator('td').last().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        await p.waitForLoadState('networkidle');
        expect(await axeViolations(p)).toEqual([]);

        await row
          .getByRole('link', { name: `Mở báo cáo năm ${world.year}: ${world.root.name}` })
          .click();
        await p.waitForURL((url) => url.pathname === `/reports/${world.reportId}`);
        // The extract stands for the province: its rows, none of the root's or the neighbour's.
        await p
          .getByRole('heading', {
            level: 1,
            name: `Báo cáo năm ${world.year}: ${world.province.name}`,
          })
          .waitFor();
        await p.getByText('Trích từ báo cáo chính thức', { exact: false }).waitFor();
        await p.getByText('Báo cáo chính thức', { exact: true }).waitFor();
        const unitRow = (unitCode: string) => p.locator(`tr[data-unit-code="${unitCode}"]`);
        await unitRow(world.province.code).waitFor();
        await unitRow(world.commune.code).waitFor();
        expect(await unitRow(world.otherProvince.code).count()).toBe(0);
        expect(await unitRow(world.root.code).count()).toBe(0);
        await p.waitForLoadState('networkidle');
        expect(await axeViolations(p)).toEqual([]);
      },
    ));
});
