import { openPage } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { completeAndContinue, loginAs } from './support/learner-session';
import {
  COURSE_WITH_QUIZ,
  createLearningWorld,
  createTimedQuizCourse,
} from './support/learning-world';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('final quiz', () => {
  const suite = browserSuite(createLearningWorld);

  it(
    'passes the final quiz after the lessons, sees the review and the course completed',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'quiz',
        async () => {
          const p = await suite.openPage();
          const { state, world } = suite;
          const { learner, courseWithQuiz: course } = world;
          const quiz = course.finalQuiz;
          if (!quiz) throw new Error('the seeded course has no final quiz');
          await loginAs(p, learner);

          await p.goto(`/courses?q=${encodeURIComponent('chuyen doi so')}`);
          await p.getByRole('link', { name: COURSE_WITH_QUIZ, exact: true }).click();
          await p.getByRole('heading', { level: 1, name: COURSE_WITH_QUIZ }).waitFor();
          await p.getByRole('button', { name: 'Đăng ký học' }).click();
          await completeAndContinue(p, course.lessons[0].title);
          // The last lesson continues to the final quiz; its start screen shows the rules.
          await completeAndContinue(p, course.lessons[1].title);
          await p.getByRole('heading', { level: 1, name: quiz.title }).waitFor();
          await p.getByText('Thời gian làm bài').waitFor();
          await p.getByText('10 phút').waitFor();
          await p.getByTestId('attempts-left').filter({ hasText: '3/3' }).waitFor();
          await p.getByRole('link', { name: 'Bắt đầu làm bài' }).click();

          // The countdown follows the server's expiresAt (10 minutes).
          const timer = p.getByRole('timer');
          await timer.waitFor();
          expect(await timer.textContent()).toMatch(/^(10:00|09:[0-5]\d)$/);

          // Options are shuffled: choose by their text.
          for (const q of quiz.questions) {
            const group = p.getByRole('group', { name: new RegExp(escapeRegExp(q.text)) });
            await group.getByLabel(q.correct, { exact: true }).check();
          }
          await p.getByText('Đã lưu câu trả lời').waitFor();

          // A reload resumes the same attempt with the answers kept.
          await p.reload();
          for (const q of quiz.questions) {
            const group = p.getByRole('group', { name: new RegExp(escapeRegExp(q.text)) });
            expect(await group.getByLabel(q.correct, { exact: true }).isChecked()).toBe(true);
          }

          await p.getByRole('button', { name: 'Nộp bài' }).click();
          await p.getByRole('dialog', { name: 'Nộp bài?' }).waitFor();
          await p.getByRole('button', { name: 'Xác nhận nộp bài' }).click();

          await p.getByRole('heading', { level: 1, name: /Kết quả bài kiểm tra/ }).waitFor();
          expect(await p.getByTestId('quiz-result').textContent()).toBe('Đạt');
          await p.getByText('Điểm: 100/100.').waitFor();
          for (const q of quiz.questions) {
            await p.getByText(q.explanation).waitFor();
          }

          await p.getByRole('link', { name: 'Về trang khóa học' }).click();
          await p.getByRole('heading', { level: 1, name: COURSE_WITH_QUIZ }).waitFor();
          expect(await p.getByTestId('course-completed').textContent()).toBe('Đã hoàn thành');

          // Completion put a certificate on its way (issued once the worker renders it).
          await p
            .getByRole('navigation', { name: 'Điều hướng chính' })
            .getByRole('link', { name: 'Chứng nhận', exact: true })
            .click();
          const certificate = p.getByRole('listitem').filter({ hasText: COURSE_WITH_QUIZ });
          await certificate.getByText(/^(Đang cấp|Đã cấp)$/).waitFor();

          // The worker issues it (the page polls while pending); the public page says valid.
          await certificate.getByText('Đã cấp', { exact: true }).waitFor({ timeout: 30_000 });
          await certificate.getByRole('link', { name: 'Tra cứu chứng nhận' }).click();
          await p.waitForURL((url) => url.pathname.startsWith('/verify/'));
          const serial = decodeURIComponent(new URL(p.url()).pathname.slice('/verify/'.length));
          await p.getByRole('heading', { level: 2, name: 'Hợp lệ' }).waitFor();
          await p.getByRole('main').getByText(world.learner.fullName).waitFor();

          // The trainer of the issuing unit revokes it from "Quản lý chứng nhận".
          // Its own context, closed here: suite.page stays the learner's, for the screenshot.
          const trainerSide = await openPage(suite.browser, { baseURL: state.baseUrl });
          try {
            const tp = trainerSide.page;
            await loginAs(tp, world.trainer);
            await tp
              .getByRole('navigation', { name: 'Điều hướng chính' })
              .getByRole('link', { name: 'Quản lý chứng nhận', exact: true })
              .click();
            await tp.getByRole('heading', { level: 1, name: 'Quản lý chứng nhận' }).waitFor();
            await tp.getByLabel('Tìm theo số hiệu, họ tên hoặc khóa học').fill(serial);
            await tp.waitForURL((url) => url.searchParams.get('q') === serial);
            await tp
              .getByRole('link', {
                name: `Xem chứng nhận của ${world.learner.fullName}: ${COURSE_WITH_QUIZ}`,
              })
              .click();
            await tp.getByRole('heading', { level: 1, name: COURSE_WITH_QUIZ }).waitFor();
            await tp.getByRole('button', { name: 'Thu hồi', exact: true }).click();
            const dialog = tp.getByRole('dialog', { name: 'Thu hồi chứng nhận' });
            await dialog.getByLabel('Lý do thu hồi').selectOption({ label: 'Gian lận' });
            await dialog
              .getByLabel('Ghi chú (số quyết định, chi tiết)')
              .fill('Quyết định số 12/QĐ-E2E');
            await dialog.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
            await tp.getByText('Đã thu hồi chứng nhận.').waitFor();
            expect(await tp.getByTestId('certificate-status').textContent()).toBe('Đã thu hồi');
            await tp.getByText('Lý do: Gian lận').waitFor();
          } finally {
            await trainerSide.context.close();
          }

          await p.goto(`/verify/${encodeURIComponent(serial)}`);
          await p.getByRole('heading', { level: 2, name: 'Đã thu hồi' }).waitFor();
        },
      ),
    120_000,
  );

  it('submits by itself when the server-timed attempt runs out', () =>
    screenshotOnFailure(
      () => suite.page,
      'quiz-timeout',
      async () => {
        const course = await createTimedQuizCourse(suite.state, suite.world, 6);
        const quiz = course.finalQuiz;
        if (!quiz) throw new Error('the timed course has no quiz');
        const p = await suite.openPage();
        await loginAs(p, suite.world.learner);

        await p.goto(`/quizzes/${quiz.id}/attempt?course=${course.id}`);
        await p.getByRole('timer').waitFor();
        const [q] = quiz.questions;
        await p
          .getByRole('group', { name: new RegExp(escapeRegExp(q.text)) })
          .getByLabel(q.correct, { exact: true })
          .check();

        // No click on "Nộp bài": at 00:00 the answers go in on their own.
        await p.waitForURL((url) => url.pathname.startsWith(`/quizzes/${quiz.id}/attempts/`), {
          timeout: 15_000,
        });
        expect(await p.getByTestId('quiz-result').textContent()).toBe('Đạt');
        await p.getByText(q.explanation).waitFor();
      },
    ));
});
