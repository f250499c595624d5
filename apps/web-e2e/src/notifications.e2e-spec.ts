import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import type { E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { COURSE_WITHOUT_QUIZ, createLearningWorld } from './support/learning-world';

/**
 * The learning world, with the learner's course (no quiz) completed through the API and
 * its certificate issued by the real worker: the "certificate issued" notice is then the
 * learner's one unread notification.
 */
async function createNotifiedWorld(state: E2eState) {
  const world = await createLearningWorld(state);
  const { learner, courseWithoutQuiz: course } = world;
  const asLearner = await ApiClient.login(state.baseUrl, learner.username, learner.password);
  await asLearner.post(`/courses/${course.id}/enroll`);
  for (const lesson of course.lessons) await asLearner.post(`/lessons/${lesson.id}/complete`);
  const deadline = Date.now() + 60_000;
  while ((await asLearner.get<{ unread: number }>('/me/notifications/unread-count')).unread < 1) {
    if (Date.now() > deadline)
      throw new Error('no notification 60 s after the course was completed');
    await new Promise((r) => setTimeout(r, 500));
  }
  return world;
}

describe('notifications: the bell and the notifications page', () => {
  const suite = browserSuite(createNotifiedWorld, 120_000);

  it('bell shows the unread count, opens the notifications page, and marking read clears it', () =>
    screenshotOnFailure(
      () => suite.page,
      'notifications',
      async () => {
        const page = await suite.openPage();
        await loginAs(page, suite.world.learner);

        // The home lists the unread notice, and the way to all of them.
        const homeCard = page.getByRole('region', { name: 'Thông báo mới' });
        await homeCard
          .getByRole('link', { name: `Chứng chỉ "${COURSE_WITHOUT_QUIZ}" đã được cấp` })
          .waitFor();
        expect(await homeCard.getByRole('link', { name: 'Xem tất cả' }).getAttribute('href')).toBe(
          '/notifications',
        );

        const bell = page.getByRole('link', { name: 'Thông báo: 1 chưa đọc' });
        await bell.waitFor();
        // The glyph is drawn inline and hidden from assistive technology: the link's label names it.
        await bell.locator('svg[aria-hidden="true"]').waitFor();
        await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor();

        await bell.click();
        await page.waitForURL((url) => url.pathname === '/notifications');
        await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
        await page.getByText('Chưa đọc: 1.').waitFor();
        const notice = page.getByRole('listitem').filter({
          has: page.getByRole('heading', {
            name: `Chứng chỉ "${COURSE_WITHOUT_QUIZ}" đã được cấp`,
          }),
        });
        await notice.waitFor();
        // The notice links to the public verification page, with the holder's private code.
        const href = await notice.getByRole('link').getAttribute('href');
        expect(href).toMatch(/^\/verify\/[^?]+\?c=.+/);

        await notice.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
        await page.getByText('Chưa đọc: 0.').waitFor();
        await notice
          .getByRole('button', { name: 'Đánh dấu đã đọc' })
          .waitFor({ state: 'detached' });
        await page.getByRole('link', { name: 'Thông báo: không có thông báo chưa đọc' }).waitFor();
        expect(await page.getByTestId('notification-count').isHidden()).toBe(true);

        // Nothing unread: the home has no notifications card.
        await page.goto('/');
        await page.getByRole('heading', { level: 2, name: 'Chứng nhận gần đây' }).waitFor();
        expect(await page.getByRole('region', { name: 'Thông báo mới' }).count()).toBe(0);
      },
    ));
});
