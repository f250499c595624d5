import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { readE2eState, type E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { completeLesson, loginThroughForm } from './support/learner-session';
import {
  COURSE_WITHOUT_QUIZ,
  createLearningWorld,
  type LearningWorld,
} from './support/learning-world';

describe('learning a course', () => {
  let state: E2eState;
  let world: LearningWorld;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    state = readE2eState();
    [world, browser] = await Promise.all([createLearningWorld(state), launchBrowser()]);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds the course without diacritics, enrols, reads both lessons and reaches 100%', () =>
    screenshotOnFailure(
      () => page,
      'learning',
      async () => {
        ({ context, page } = await openPage(browser, { baseURL: state.baseUrl }));
        const { learner, courseWithoutQuiz: course } = world;
        await loginThroughForm(page, learner.username, learner.password);

        await page
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Khóa học' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Danh mục khóa học' }).waitFor();
        await page.getByLabel('Tìm khóa học').fill('chuyen doi so');
        await page.waitForURL((url) => url.searchParams.get('q') === 'chuyen doi so');
        await page.getByRole('link', { name: COURSE_WITHOUT_QUIZ }).click();

        await page.getByRole('heading', { level: 1, name: COURSE_WITHOUT_QUIZ }).waitFor();
        await page.getByText('Số giờ: 2').first().waitFor();
        await page.getByRole('button', { name: 'Đăng ký học' }).click();

        // Enrolling opens the first lesson.
        await page.waitForURL(
          (url) => url.pathname === `/learn/${course.id}/lessons/${course.lessons[0].id}`,
        );
        await page.locator('.lesson-content').getByText('chuyển đổi số').first().waitFor();
        await completeLesson(page, course.lessons[0].title, 50);

        await page.getByRole('link', { name: /Bài tiếp theo/ }).click();
        await completeLesson(page, course.lessons[1].title, 100);
        await page.getByText('Bạn đã hoàn thành khóa học').waitFor();

        // My learning lists it as completed, and the course page fits a 360 px phone.
        await page.setViewportSize({ width: 360, height: 740 });
        await page.getByRole('link', { name: 'Học tập của tôi' }).click();
        const item = page.getByRole('listitem').filter({ hasText: COURSE_WITHOUT_QUIZ });
        await item.getByText('Đã hoàn thành').first().waitFor();
        await item.getByText('100%').waitFor();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(360);
      },
    ));
});
