import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { axeViolations } from './support/page-quality';
import {
  createQuestionTypesWorld,
  MATCHES,
  MATCHING_TEXT,
  NUMERIC_TEXT,
  ORDERING_TEXT,
  SHORT_TEXT,
  STEPS,
} from './support/question-types-world';

const group = (p: Page, text: string) => p.getByRole('group', { name: new RegExp(text) });

/** The ordering items as shown now, top to bottom. */
const shownOrder = (p: Page) =>
  group(p, ORDERING_TEXT).locator('.ordering__text').allTextContents();

describe('matching, ordering, short-answer and numeric questions in the learner UI', () => {
  const suite = browserSuite(createQuestionTypesWorld);

  it('answers each type with the keyboard, resumes after a reload and sees the review', () =>
    screenshotOnFailure(
      () => suite.page,
      'quiz-question-types',
      async () => {
        const p = await suite.openPage();
        const { world } = suite;
        const { typesCourse: course } = world;
        await loginAs(p, world.learner);
        await p.goto(`/quizzes/${course.quizId}/attempt?course=${course.id}`);
        await group(p, MATCHING_TEXT).waitFor();
        expect(await axeViolations(p)).toEqual([]);

        // Matching: one select per item, the right-hand texts to choose from.
        for (const [item, match] of Object.entries(MATCHES)) {
          await group(p, MATCHING_TEXT)
            .getByLabel(item, { exact: true })
            .selectOption({ label: match });
        }

        // Ordering: never shown in the right order; moved with ↑ through the keyboard only.
        expect(await shownOrder(p)).not.toEqual(STEPS);
        for (const [target, step] of STEPS.entries()) {
          let at = (await shownOrder(p)).indexOf(step);
          while (at > target) {
            const up = group(p, ORDERING_TEXT).getByRole('button', {
              name: `Đưa “${step}” lên`,
              exact: true,
            });
            await up.focus();
            await p.keyboard.press('Enter');
            at--;
            await p.waitForFunction(
              ([text, want]) =>
                Array.from(
                  document.querySelectorAll('.ordering__text'),
                  (e) => e.textContent,
                ).indexOf(text) === want,
              [step, at] as const,
            );
          }
        }
        expect(await shownOrder(p)).toEqual(STEPS);

        await group(p, SHORT_TEXT)
          .getByLabel('Câu trả lời của bạn', { exact: true })
          .fill('hà nội');
        await group(p, NUMERIC_TEXT).getByLabel('Số bạn trả lời', { exact: true }).fill('80,3');
        await p.getByText('Đã lưu câu trả lời', { exact: true }).waitFor();

        // A reload resumes the attempt with every answer kept.
        await p.reload();
        await group(p, MATCHING_TEXT).waitFor();
        expect(await shownOrder(p)).toEqual(STEPS);
        expect(
          await group(p, MATCHING_TEXT).getByLabel('VNeID', { exact: true }).inputValue(),
        ).toBe(MATCHES.VNeID);
        expect(
          await group(p, SHORT_TEXT)
            .getByLabel('Câu trả lời của bạn', { exact: true })
            .inputValue(),
        ).toBe('hà nội');

        await p.getByRole('button', { name: 'Nộp bài', exact: true }).click();
        await p.getByRole('dialog', { name: 'Nộp bài?' }).waitFor();
        await p.getByRole('button', { name: 'Xác nhận nộp bài', exact: true }).click();
        await p.getByRole('heading', { level: 1, name: /Kết quả bài kiểm tra/ }).waitFor();
        expect(await p.getByTestId('quiz-result').textContent()).toBe('Đạt');
        await p.getByText('Điểm: 100/100.', { exact: true }).waitFor();
        // The practice quiz shows its key at once: the correct order and accepted answers.
        await p.getByText('Thứ tự đúng', { exact: true }).waitFor();
        await p.getByText('Đáp án được chấp nhận: Hà Nội', { exact: true }).waitFor();
        await p.getByText('Đáp án được chấp nhận: 80 ± 0,5', { exact: true }).waitFor();
        await p.getByText(`Đáp án đúng: ${MATCHES.VNeID}`, { exact: true }).waitFor();
        expect(await axeViolations(p)).toEqual([]);
      },
    ));
});
