import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import type { SeededQuestion } from './support/learning-world';
import { createReviewWorld } from './support/review-world';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('final quiz answer reveal', () => {
  const suite = browserSuite(createReviewWorld);

  /** Starts an attempt from the quiz page and answers the drawn questions; returns them. */
  async function takeAttempt(p: Page, right: boolean): Promise<SeededQuestion[]> {
    const { world } = suite;
    await p.goto(`/quizzes/${world.quizId}?course=${world.courseId}`);
    await p.getByRole('link', { name: 'Bắt đầu làm bài' }).click();
    await p
      .getByRole('timer')
      .or(p.getByRole('button', { name: 'Nộp bài' }))
      .first()
      .waitFor();
    const drawn: SeededQuestion[] = [];
    for (const q of world.questions) {
      const group = p.getByRole('group', { name: new RegExp(escapeRegExp(q.text)) });
      if ((await group.count()) === 0) continue;
      drawn.push(q);
      await group.getByLabel(right ? q.correct : q.wrong[0], { exact: true }).check();
    }
    expect(drawn).toHaveLength(2);
    await p.getByRole('button', { name: 'Nộp bài' }).click();
    await p.getByRole('button', { name: 'Xác nhận nộp bài' }).click();
    await p.getByRole('heading', { level: 1, name: /Kết quả bài kiểm tra/ }).waitFor();
    return drawn;
  }

  it(
    'a learner who fails the final sees the score but no answer; after passing, the answers',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'quiz-review',
        async () => {
          const p = await suite.openPage();
          const { world } = suite;
          await loginAs(p, world.learner);
          await p.goto(`/quizzes/${world.quizId}?course=${world.courseId}`);
          await p
            .getByTestId('review-policy')
            .filter({ hasText: 'Khi bạn đã đạt bài kiểm tra' })
            .waitFor();

          const failedDraw = await takeAttempt(p, false);
          expect(await p.getByTestId('quiz-result').textContent()).toBe('Chưa đạt');
          await p.getByText('Điểm: 0/100.').waitFor();
          await p.getByTestId('answers-hidden').waitFor();
          expect(await p.getByText('Đáp án đúng').count()).toBe(0);
          const page = await p.content();
          for (const q of world.questions) expect(page).not.toContain(q.explanation);
          expect(page).not.toContain('review-option--correct');

          await takeAttempt(p, true);
          expect(await p.getByTestId('quiz-result').textContent()).toBe('Đạt');
          await p.getByText('Điểm: 100/100.').waitFor();
          expect(await p.getByTestId('answers-hidden').count()).toBe(0);
          expect(await p.getByText('Đáp án đúng', { exact: true }).count()).toBe(2);

          // The failed attempt's review now opens too: its drawn questions' explanations.
          await p.goto(`/quizzes/${world.quizId}?course=${world.courseId}`);
          await p.getByRole('link', { name: 'Xem lại' }).first().click();
          for (const q of failedDraw) await p.getByText(q.explanation).waitFor();
        },
      ),
    120_000,
  );
});
