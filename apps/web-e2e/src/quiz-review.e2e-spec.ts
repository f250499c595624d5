import type { Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { openPage } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import type { SeededQuestion } from './support/learning-world';
import { BANK_CATEGORY, createReviewWorld } from './support/review-world';

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
    expect(drawn).toHaveLength(10);
    await p.getByRole('button', { name: 'Nộp bài' }).click();
    await p.getByRole('button', { name: 'Xác nhận nộp bài' }).click();
    await p.getByRole('heading', { level: 1, name: /Kết quả bài kiểm tra/ }).waitFor();
    return drawn;
  }

  it(
    'trainer imports an XLSX bank and draws 10 of 30; a learner who fails sees no answer, after passing sees them; the analytics show those attempts',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'quiz-review',
        async () => {
          const p = await suite.openPage();
          const { world, state } = suite;

          // The trainer imports the bank kept in Excel into a question bank of the unit…
          const trainerSide = await openPage(suite.browser, { baseURL: state.baseUrl });
          try {
            const tp = trainerSide.page;
            await loginAs(tp, world.trainer);
            await tp.goto('/authoring/banks');
            await tp.getByLabel('Tên ngân hàng').fill('Ngân hàng câu hỏi của Sở');
            await tp.getByRole('button', { name: 'Tạo ngân hàng' }).click();
            await tp.getByRole('heading', { level: 1, name: 'Ngân hàng câu hỏi của Sở' }).waitFor();
            await tp.getByLabel('Tệp câu hỏi (XLSX theo mẫu hoặc GIFT)').setInputFiles({
              name: 'ngan-hang-cau-hoi.xlsx',
              mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              buffer: world.bankXlsx,
            });
            await tp.getByRole('button', { name: 'Nhập câu hỏi' }).click();
            await tp.getByText('Đã thêm 30, cập nhật 0, giữ nguyên 0 câu hỏi.').waitFor();
            await tp.getByText(`${BANK_CATEGORY} · 30 câu hỏi`).waitFor();

            // …and sets the course's final to draw 10 of the category's 30.
            await tp.goto(`/authoring/courses/${world.courseId}`);
            const quiz = tp.getByRole('region', { name: world.quizTitle });
            await quiz.getByText('Rút câu hỏi từ ngân hàng', { exact: true }).click();
            await quiz
              .getByLabel('Ngân hàng', { exact: true })
              .selectOption({ label: 'Ngân hàng câu hỏi của Sở' });
            await quiz
              .getByLabel('Danh mục', { exact: true })
              .selectOption({ label: `${BANK_CATEGORY} (30 câu hỏi)` });
            await quiz.getByLabel('Số câu rút mỗi lần', { exact: true }).fill('10');
            await quiz.getByRole('button', { name: 'Thêm danh mục để rút câu' }).click();
            await quiz.getByText('Tổng số câu rút từ ngân hàng mỗi lần làm bài: 10.').waitFor();
            await Promise.all([
              tp.waitForResponse(
                (r) => r.request().method() === 'PUT' && r.url().includes('/draw-rules') && r.ok(),
              ),
              quiz.getByRole('button', { name: 'Lưu cách rút câu hỏi' }).click(),
            ]);
            await quiz.locator('summary').first().click();
            expect(await quiz.getByLabel('Hiển thị đáp án và giải thích').inputValue()).toBe(
              'after_passing',
            );
          } finally {
            await trainerSide.context.close();
          }
          const asTrainer = await ApiClient.login(
            state.baseUrl,
            world.trainer.username,
            world.trainer.password,
          );
          const published = await asTrainer.post<{ warnings: unknown[] }>(
            `/courses/${world.courseId}/publish`,
          );
          expect(published.warnings).toEqual([]); // 30 ≥ 3 × 10
          const asLearner = await ApiClient.login(
            state.baseUrl,
            world.learner.username,
            world.learner.password,
          );
          await asLearner.post(`/courses/${world.courseId}/enroll`);

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
          // The rendered page, not its inlined stylesheet (which names the class in a rule).
          const page = await p.locator('#root').innerHTML();
          for (const q of world.questions) expect(page).not.toContain(q.explanation);
          expect(page).not.toContain('review-option--correct');

          await takeAttempt(p, true);
          expect(await p.getByTestId('quiz-result').textContent()).toBe('Đạt');
          await p.getByText('Điểm: 100/100.').waitFor();
          expect(await p.getByTestId('answers-hidden').count()).toBe(0);
          expect(await p.getByText('Đáp án đúng', { exact: true }).count()).toBe(10);

          // The failed attempt's review now opens too: its drawn questions' explanations.
          await p.goto(`/quizzes/${world.quizId}?course=${world.courseId}`);
          await p.getByRole('link', { name: 'Xem lại' }).first().click();
          for (const q of failedDraw) await p.getByText(q.explanation).waitFor();

          // The trainer's analytics of the course now rest on these two real attempts.
          const analytics = await openPage(suite.browser, { baseURL: state.baseUrl });
          try {
            const ap = analytics.page;
            await loginAs(ap, world.trainer);
            await ap.goto(`/authoring/courses/${world.courseId}/analytics`);
            await ap.getByRole('heading', { level: 1, name: 'Thống kê khóa học' }).waitFor();
            expect(await ap.getByTestId('analytics-enrolments').textContent()).toBe('1');
            await ap.getByText(/2 lượt nộp bài/).waitFor();
            // The bank questions the attempts drew are listed, each answered at least once.
            for (const q of failedDraw) {
              await ap.getByRole('cell', { name: q.text, exact: true }).waitFor();
            }
            await ap.getByRole('button', { name: 'Tải tệp CSV' }).waitFor();
          } finally {
            await analytics.context.close();
          }
        },
      ),
    180_000,
  );
});
