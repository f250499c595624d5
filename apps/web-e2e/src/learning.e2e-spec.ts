import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { completeAndContinue, completeLesson, loginAs } from './support/learner-session';
import { COURSE_WITHOUT_QUIZ, createLearningWorld } from './support/learning-world';

describe('learning a course', () => {
  const suite = browserSuite(createLearningWorld);

  it('finds the course without diacritics, enrols, reads both lessons and reaches 100%', () =>
    screenshotOnFailure(
      () => suite.page,
      'learning',
      async () => {
        const page = await suite.openPage();
        const { learner, courseWithoutQuiz: course } = suite.world;
        await loginAs(page, learner);

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
        // One click finishes a lesson and opens the next; the sidebar marks the first ✓.
        await completeAndContinue(page, course.lessons[0].title);
        await page.getByTestId('progress-value').filter({ hasText: '50%' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Các bài học của khóa' })
          .getByRole('listitem')
          .filter({ hasText: course.lessons[0].title })
          .getByText('✓')
          .waitFor();
        await completeLesson(page, course.lessons[1].title, 100);
        await page.getByText('Bạn đã hoàn thành khóa học').waitFor();

        // My learning lists it as completed, and the course page fits a 360 px phone.
        // On the phone the menu folds behind one button, so the header stays short.
        await page.setViewportSize({ width: 360, height: 740 });
        const header = await page.locator('.site-header').boundingBox();
        expect(header?.height ?? 999).toBeLessThan(200);
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('link', { name: 'Học tập của tôi' }).click();
        const item = page.getByRole('listitem').filter({ hasText: COURSE_WITHOUT_QUIZ });
        await item.getByText('Đã hoàn thành').first().waitFor();
        await item.getByText('100%').waitFor();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(360);
      },
    ));
});
