import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import {
  createLargeCommuneWorld,
  LARGE_COMMUNE_UNTRAINED,
  type LargeCommuneWorld,
} from './support/large-commune-world';
import { loginAs } from './support/learner-session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOM = [0xef, 0xbb, 0xbf];
/** The heading of both files, as HR reads it. */
const HEADERS = [
  'Tên đăng nhập',
  'Họ và tên',
  'Đơn vị',
  'Vị trí CĐS',
  'Số giờ đã học',
  'Số giờ yêu cầu',
  'Đạt yêu cầu',
  'Đã được bồi dưỡng',
  'Ngày hoàn thành gần nhất',
];

function yearInVietnam(): number {
  return Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );
}

/**
 * As HR: makes this year's coverage report of the province, clicks the commune's name in
 * its table and waits for the commune's untrained people.
 */
async function openUntrainedFromReport(
  p: Page,
  world: LargeCommuneWorld,
  commune: { code: string; name: string },
) {
  await loginAs(p, world.hr);
  await p.goto('/reports');
  await p.getByLabel('Năm báo cáo').selectOption(String(yearInVietnam()));
  await p.getByTestId('picked-unit').filter({ hasText: world.province.name }).waitFor();
  await p.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();
  await p.waitForURL((url) => UUID.test(url.pathname.replace(/^\/reports\//, '')), {
    timeout: 45_000,
  });
  await p
    .locator(`tr[data-unit-code="${commune.code}"]`)
    .getByRole('link', { name: commune.name })
    .click();
  await p
    .getByRole('heading', { level: 1, name: 'Danh sách cán bộ theo kết quả bồi dưỡng' })
    .waitFor();
}

/** Clicks a download button and waits for the file the browser saves. */
async function downloadBy(p: Page, button: string) {
  const [download] = await Promise.all([
    p.waitForEvent('download', { timeout: 60_000 }),
    p.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { path, file: await readFile(path), name: download.suggestedFilename() };
}

describe('who is not yet trained', () => {
  // The world imports a staff list of 2,001 people on top of the coverage world.
  const suite = browserSuite(createLargeCommuneWorld, 180_000);

  it(
    'HR opens the coverage table, clicks a unit, sees and exports its untrained people',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'people',
        async () => {
          const p = await suite.openPage();
          const { world } = suite;
          const [communeA] = world.communes;
          const year = yearInVietnam();
          await openUntrainedFromReport(p, world, communeA);

          // Commune A's people, those not yet trained first.
          await p.getByText('Tổng số: 1 người').waitFor();
          const rows = p.locator('tbody tr');
          expect(await rows.count()).toBe(communeA.learners.length - communeA.trained);
          const name = (await rows.first().locator('th').textContent()) ?? '';
          expect(communeA.learners.map((l) => l.fullName)).toContain(name);

          // Everyone of the commune, then back to the untrained.
          await p.getByLabel('Tình trạng').selectOption('all');
          await p.getByText(`Tổng số: ${communeA.learners.length} người`).waitFor();
          await p.getByLabel('Tình trạng').selectOption('untrained');
          await p.getByText('Tổng số: 1 người').waitFor();

          // A short list downloads at once.
          const { file, name: fileName } = await downloadBy(p, 'Tải CSV');
          expect([...file.subarray(0, 3)]).toEqual(BOM);
          const text = file.toString('utf8');
          expect(text).toContain(name);
          expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
          expect(fileName).toBe(`chua-boi-duong-${communeA.code}-${year}.csv`);
        },
      ),
    120_000,
  );

  it(
    'exports the 2,001 untrained people of a large commune through the worker’s file job, with progress',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'people-export-job',
        async () => {
          const p = await suite.openPage();
          const { world } = suite;
          const { large } = world;
          const year = yearInVietnam();
          await openUntrainedFromReport(p, world, large);
          await p.getByText(/^Tổng số: 2\.?001 người$/).waitFor();

          // Too many to download at once: the page asks the worker for the file, here for
          // Excel in Vietnamese (semicolons).
          await p.getByLabel('Dấu phân cách CSV').selectOption(';');
          const asked = p.waitForRequest(
            (r) => r.method() === 'POST' && r.url().endsWith('/api/reports/people/exports'),
          );
          const csv = await downloadBy(p, 'Tải CSV');
          expect((await asked).postDataJSON()).toEqual({
            orgUnitId: large.id,
            year,
            status: 'untrained',
            format: 'csv',
            separator: ';',
          });
          const progress = p.getByRole('progressbar', { name: 'Tiến độ xuất tệp' });
          expect(await progress.getAttribute('aria-valuenow')).toBe('100');
          await p.getByText(/^Đã xuất 2\.?001 người: tệp đang được tải về\.$/).waitFor();

          // The CSV: BOM, the heading, and exactly the commune's untrained people.
          expect(csv.name).toBe(`chua-boi-duong-${large.code}-${year}.csv`);
          expect([...csv.file.subarray(0, 3)]).toEqual(BOM);
          const [heading, ...records] = csv.file
            .subarray(3)
            .toString('utf8')
            .split('\r\n')
            .filter(Boolean)
            .map((line) => line.split(';'));
          expect(heading).toEqual(HEADERS);
          expect(records).toHaveLength(LARGE_COMMUNE_UNTRAINED);
          expect(new Map(records.map((r) => [r[0], r[1]]))).toEqual(large.untrained);
          expect(new Set(records.map((r) => `${r[2]}|${r[3]}|${r[7]}`))).toEqual(
            new Set([`${large.name}|Chuyên trách|Chưa`]),
          );
          expect(records.some((r) => r[0] === large.trained.username)).toBe(false);

          // The same list as an Excel sheet, through another job (no separator sent with it).
          const xlsxAsked = p.waitForRequest(
            (r) => r.method() === 'POST' && r.url().endsWith('/api/reports/people/exports'),
          );
          const xlsx = await downloadBy(p, 'Tải Excel');
          expect(xlsx.name).toBe(`chua-boi-duong-${large.code}-${year}.xlsx`);
          expect((await xlsxAsked).postDataJSON()).not.toHaveProperty('separator');
          const book = new Workbook();
          await book.xlsx.readFile(xlsx.path);
          const sheet = book.getWorksheet('Danh sách');
          const cells = (row: number) =>
            ((sheet?.getRow(row).values ?? []) as unknown[]).slice(1).map(String);
          expect(cells(1)[0]).toBe(`Danh sách chưa được bồi dưỡng năm ${year} — ${large.name}`);
          expect(cells(2)).toEqual(HEADERS);
          expect(sheet?.rowCount).toBe(2 + LARGE_COMMUNE_UNTRAINED);
          const people = new Map<string, string>();
          for (let row = 3; row <= 2 + LARGE_COMMUNE_UNTRAINED; row++) {
            const [username, fullName] = cells(row);
            people.set(username, fullName);
          }
          expect(people).toEqual(large.untrained);
        },
      ),
    180_000,
  );
});
