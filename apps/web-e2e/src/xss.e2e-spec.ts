import { randomBytes } from 'node:crypto';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { createLearningWorld, publishOneLessonCourse } from './support/learning-world';

/** Markdown a careless or hostile author could write; none of it may run in a learner's browser. */
const HOSTILE_MARKDOWN = [
  '# Bài đọc an toàn',
  '<script>window.__xss = "script"</script>',
  '<img src="x" onerror="window.__xss = \'onerror\'">',
  '[Bấm vào đây](javascript:window.__xss="link")',
  '<iframe src="javascript:parent.__xss=\'iframe\'"></iframe>',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  'Nội dung **chuyển đổi số** vẫn hiển thị.',
].join('\n\n');

describe('lesson markdown in the browser', () => {
  const suite = browserSuite(createLearningWorld);

  it('shows the text of a hostile lesson and runs none of its script', () =>
    screenshotOnFailure(
      () => suite.page,
      'xss',
      async () => {
        const { state, world } = suite;
        const course = await publishOneLessonCourse(state, world, {
          code: `XSS-${randomBytes(3).toString('hex').toUpperCase()}`,
          title: 'Bài học kiểm thử an toàn',
          lessonTitle: 'Bài đọc',
          content: HOSTILE_MARKDOWN,
        });

        const page = await suite.openPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await loginAs(page, world.learner);
        await page.goto(`/learn/${course.id}/lessons/${course.lessonId}`);
        await page.getByText('vẫn hiển thị').waitFor();
        // Give any injected handler (onerror, onload) time to fire if it had survived.
        await page.waitForTimeout(500);

        expect(
          await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
        ).toBeUndefined();
        expect(dialogs).toEqual([]);
        const html = await page.locator('main').innerHTML();
        expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg/i);
        await page.getByText('Bấm vào đây').click();
        expect(
          await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
        ).toBeUndefined();
      },
    ));
});
