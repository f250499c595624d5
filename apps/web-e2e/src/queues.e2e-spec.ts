import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';

describe('queue dashboard', () => {
  const suite = browserSuite(async (state) => ({
    admin: { username: state.adminUsername, password: state.adminPassword },
  }));

  it('shows a sysadmin every background queue with its running worker', () =>
    screenshotOnFailure(
      () => suite.page,
      'queues',
      async () => {
        const page = await suite.openPage();
        await loginAs(page, suite.world.admin);
        await page.getByRole('link', { name: 'Hàng đợi' }).click();
        await page.getByRole('heading', { name: 'Hàng đợi xử lý nền' }).waitFor();
        // The e2e run starts one worker: every queue gets a processor listening (the page
        // refreshes itself every 5 s while the worker may still be starting).
        const workers = async (queue: string) =>
          Number(
            await page
              .getByRole('row', { name: new RegExp(`^${queue}`) })
              .locator('td')
              .last()
              .innerText(),
          );
        const deadline = Date.now() + 30_000;
        // Rows are named by the queue's Vietnamese name (system, certificates, reports).
        for (const queue of ['Hệ thống', 'Cấp chứng nhận', 'Báo cáo']) {
          await page.getByRole('row', { name: new RegExp(`^${queue}`) }).waitFor();
          while ((await workers(queue)) < 1 && Date.now() < deadline)
            await page.waitForTimeout(500);
          expect(await workers(queue)).toBeGreaterThanOrEqual(1);
        }
      },
    ));
});
