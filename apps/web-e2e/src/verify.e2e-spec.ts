import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { launchBrowser, openPage } from './support/browser';
import { readE2eState, type E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { createLearningWorld, type LearningWorld } from './support/learning-world';
import { runAdminSql } from './support/pg';

interface MyCertificate {
  serial: string | null;
  status: 'pending' | 'issued' | 'revoked';
}

/** The learner's certificate once the worker has issued it. */
async function issuedSerial(learner: ApiClient): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [certificate] = await learner.get<MyCertificate[]>('/me/certificates');
    if (certificate?.status === 'issued' && certificate.serial) return certificate.serial;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the certificate was not issued within 30 s: is the worker running?');
}

describe('public verify page', () => {
  let state: E2eState;
  let world: LearningWorld;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    state = readE2eState();
    [world, browser] = await Promise.all([createLearningWorld(state), launchBrowser()]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('says "valid", then flags data altered in the database without repeating it', () =>
    screenshotOnFailure(
      () => page,
      'verify-invalid',
      async () => {
        // The learner completes the course without a quiz through the API.
        const learner = await ApiClient.login(
          state.baseUrl,
          world.learner.username,
          world.learner.password,
        );
        const course = world.courseWithoutQuiz;
        await learner.post(`/courses/${course.id}/enroll`);
        for (const lesson of course.lessons) await learner.post(`/lessons/${lesson.id}/complete`);
        const serial = await issuedSerial(learner);

        ({ context, page } = await openPage(browser, { baseURL: state.baseUrl }));
        const p = page;
        await p.goto(`/verify/${encodeURIComponent(serial)}`);
        await p.getByRole('heading', { level: 2, name: 'Hợp lệ' }).waitFor();
        await p.getByRole('main').getByText(world.learner.fullName).waitFor();

        // Someone edits the stored hours behind the signature's back.
        await runAdminSql(
          state.databaseUrl,
          `UPDATE certificate SET hours = hours + 100 WHERE serial = '${serial.replace(/'/g, "''")}'`,
        );
        await p.reload();
        await p
          .getByRole('heading', {
            level: 2,
            name: 'Dữ liệu chứng nhận đã bị thay đổi — không hợp lệ',
          })
          .waitFor();
        expect(await p.getByRole('main').getByText(serial).count()).toBeGreaterThan(0);
        // Nothing the alteration might have touched is vouched for.
        expect(await p.getByRole('main').getByText(world.learner.fullName).count()).toBe(0);
        expect(await p.getByRole('main').getByText(course.title).count()).toBe(0);
      },
    ));
});
