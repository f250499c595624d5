import { readFile } from 'node:fs/promises';
import { browserSuite } from './support/browser-suite';
import { createCoverageWorld } from './support/coverage-world';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('who is not yet trained', () => {
  const suite = browserSuite(createCoverageWorld, 120_000);

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
          await loginAs(p, world.hr);

          const year = Number(
            new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
              new Date(),
            ),
          );
          await p.goto('/reports');
          await p.getByLabel('Năm báo cáo').selectOption(String(year));
          await p.getByTestId('picked-unit').filter({ hasText: world.province.name }).waitFor();
          await p.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();
          await p.waitForURL((url) => UUID.test(url.pathname.replace(/^\/reports\//, '')), {
            timeout: 45_000,
          });

          // A click on commune A's name opens its people, those not yet trained first.
          await p
            .locator(`tr[data-unit-code="${communeA.code}"]`)
            .getByRole('link', { name: communeA.name })
            .click();
          await p
            .getByRole('heading', { level: 1, name: 'Danh sách cán bộ theo kết quả bồi dưỡng' })
            .waitFor();
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

          const [download] = await Promise.all([
            p.waitForEvent('download', { timeout: 45_000 }),
            p.getByRole('button', { name: 'Tải CSV' }).click(),
          ]);
          const file = await readFile(await download.path());
          expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          const text = file.toString('utf8');
          expect(text).toContain(name);
          expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
          expect(download.suggestedFilename()).toBe(`chua-boi-duong-${communeA.code}-${year}.csv`);
        },
      ),
    120_000,
  );
});
