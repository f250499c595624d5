import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { tabTo } from './support/keyboard';
import { COURSE_WITH_QUIZ, createLearningWorld } from './support/learning-world';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

/**
 * The learner's journey with the keyboard only (Tab, Shift+Tab, arrows, Enter, typing):
 * sign in, find and enrol in the course, finish both lessons, pass the final quiz, reach
 * the certificate. Every Tab stop on the way must show a focus ring that nothing clips.
 */
describe('keyboard only', () => {
  const suite = browserSuite(createLearningWorld);

  it(
    'enrols, learns, passes the final quiz and reaches the certificate with a visible focus',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'keyboard',
        async () => {
          const page = await suite.openPage();
          const { learner, courseWithQuiz: course } = suite.world;
          const quiz = course.finalQuiz;
          if (!quiz) throw new Error('the seeded course has no final quiz');
          const problems: string[] = [];
          const kb = page.keyboard;

          await page.goto('/login');
          await tabTo(page, /^Tên đăng nhập$/, problems);
          await kb.type(learner.username);
          await tabTo(page, /^Mật khẩu$/, problems);
          await kb.type(learner.password);
          await kb.press('Enter');
          await page.waitForURL((url) => url.pathname === '/');
          await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();

          await tabTo(page, /^Khóa học$/, problems);
          await kb.press('Enter');
          await page.getByRole('heading', { level: 1, name: 'Danh mục khóa học' }).waitFor();
          await tabTo(page, /^Tìm khóa học$/, problems);
          await kb.type('chuyen doi so co ban');
          await page.waitForURL((url) => url.searchParams.get('q') === 'chuyen doi so co ban');
          await page.getByRole('link', { name: COURSE_WITH_QUIZ, exact: true }).waitFor();
          await tabTo(page, exactly(COURSE_WITH_QUIZ), problems);
          await kb.press('Enter');

          await page.getByRole('heading', { level: 1, name: COURSE_WITH_QUIZ }).waitFor();
          await tabTo(page, /^Đăng ký học$/, problems);
          await kb.press('Enter');
          for (const lesson of course.lessons) {
            await page.locator('#lesson-title').filter({ hasText: lesson.title }).waitFor();
            await tabTo(page, /^Hoàn thành và tiếp tục$/, problems);
            await kb.press('Enter');
          }

          await page.getByRole('heading', { level: 1, name: quiz.title }).waitFor();
          await tabTo(page, /^Bắt đầu làm bài$/, problems);
          await kb.press('Enter');
          await page.getByRole('timer').waitFor();
          for (const q of quiz.questions) {
            // Tab enters the group on one radio; the arrows move and choose, as in any form.
            const options = new RegExp(
              [q.correct, ...q.wrong].map((o) => `^${escapeRegExp(o)}$`).join('|'),
            );
            await tabTo(page, options, problems);
            for (let i = 0; i <= q.wrong.length; i++) {
              const focused = await page.evaluate(
                () => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '',
              );
              if (focused.trim() === q.correct) break;
              await kb.press('ArrowDown');
            }
            // Tab lands on a radio without choosing it; Space chooses the one with focus.
            await kb.press('Space');
            const group = page.getByRole('group', { name: new RegExp(escapeRegExp(q.text)) });
            expect(await group.getByLabel(q.correct, { exact: true }).isChecked()).toBe(true);
          }
          await tabTo(page, /^Nộp bài$/, problems);
          await kb.press('Enter');
          await page.getByRole('dialog', { name: 'Nộp bài?' }).waitFor();
          await tabTo(page, /^Xác nhận nộp bài$/, problems);
          await kb.press('Enter');

          await page.getByRole('heading', { level: 1, name: /Kết quả bài kiểm tra/ }).waitFor();
          expect(await page.getByTestId('quiz-result').textContent()).toBe('Đạt');
          // The passed final links straight to the certificate (and the course page does too).
          expect(
            await page.getByRole('link', { name: 'Xem chứng nhận' }).getAttribute('href'),
          ).toBe('/my-certificates');
          await tabTo(page, /^Về trang khóa học$/, problems);
          await kb.press('Enter');
          await page.getByRole('heading', { level: 1, name: COURSE_WITH_QUIZ }).waitFor();
          await tabTo(page, /^Xem chứng nhận$/, problems);
          await kb.press('Enter');
          await page.waitForURL((url) => url.pathname === '/my-certificates');
          await page
            .getByRole('listitem')
            .filter({ hasText: COURSE_WITH_QUIZ })
            .getByText(/^(Đang cấp|Đã cấp)$/)
            .waitFor();

          expect([...new Set(problems)]).toEqual([]);
        },
      ),
    180_000,
  );
});
