import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import type { E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { completeAndContinue, completeLesson, loginAs } from './support/learner-session';
import { COURSE_WITHOUT_QUIZ, createLearningWorld } from './support/learning-world';
import { axeViolations } from './support/page-quality';

const RECORDED = {
  title: 'Lớp tập huấn chữ ký số',
  provider: 'Sở Nội vụ',
  hours: 3,
};

/**
 * The learning world plus a requirement of this year on its unit (2 hours by 31/12), and
 * a training HR recorded for the learner last year (3 hours, 15/10).
 */
async function createRequirementWorld(state: E2eState) {
  const world = await createLearningWorld(state);
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      new Date(),
    ),
  );
  await admin.post('/requirements', {
    year,
    orgUnitId: world.orgUnitId,
    dxRoles: ['full_time', 'part_time'],
    hours: 2,
    dueDate: `${year}-12-31`,
  });
  const learner = await ApiClient.login(
    state.baseUrl,
    world.learner.username,
    world.learner.password,
  );
  const { id: userId } = await learner.get<{ id: string }>('/me');
  await admin.post('/training-records', {
    userId,
    ...RECORDED,
    completedOn: `${year - 1}-10-15`,
  });
  return { ...world, year };
}

describe('the yearly requirement', () => {
  const suite = browserSuite(createRequirementWorld);

  it('learner sees this year’s requirement, completes a course, and the requirement is met', () =>
    screenshotOnFailure(
      () => suite.page,
      'requirement',
      async () => {
        const page = await suite.openPage();
        const { learner, courseWithoutQuiz: course, year } = suite.world;
        await loginAs(page, learner);

        await page.goto('/');
        const card = page.getByRole('region', { name: 'Yêu cầu bồi dưỡng năm nay' });
        await card.getByText(`Năm ${year}: cần 2 giờ, đã có 0 giờ, hạn 31/12/${year}.`).waitFor();
        await card.getByText('Đang thực hiện', { exact: true }).waitFor();

        await card.getByRole('link', { name: 'Chọn khóa học để tích lũy giờ' }).click();
        await page.getByRole('link', { name: COURSE_WITHOUT_QUIZ }).click();
        await page.getByRole('button', { name: 'Đăng ký học' }).click();
        await page.waitForURL(
          (url) => url.pathname === `/learn/${course.id}/lessons/${course.lessons[0].id}`,
        );
        await completeAndContinue(page, course.lessons[0].title);
        await completeLesson(page, course.lessons[1].title, 100);

        await page.goto('/');
        await card.getByText(`Năm ${year}: cần 2 giờ, đã có 2 giờ, hạn 31/12/${year}.`).waitFor();
        await card.getByText('Đã đạt', { exact: true }).waitFor();

        // My learning: the history by year, this year's course and last year's record.
        await page
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Học tập của tôi' })
          .click();
        const history = page.getByRole('region', { name: 'Lịch sử học tập theo năm' });
        const thisYear = history.getByRole('region', { name: `Năm ${year}`, exact: true });
        await thisYear.getByRole('link', { name: COURSE_WITHOUT_QUIZ }).waitFor();
        await thisYear.getByText('Tổng số giờ bồi dưỡng: 2 giờ').waitFor();
        await thisYear
          .getByText(`Năm ${year}: cần 2 giờ, đã có 2 giờ, hạn 31/12/${year}.`)
          .waitFor();
        // The certificate of the completion, once the worker has issued it.
        await thisYear
          .getByRole('button', { name: 'Tải chứng nhận (PDF)' })
          .waitFor({ timeout: 30_000 });

        const lastYear = history.getByRole('region', { name: `Năm ${year - 1}`, exact: true });
        await lastYear.getByText('Tổng số giờ bồi dưỡng: 3 giờ').waitFor();
        await lastYear.getByText('Không có yêu cầu số giờ bồi dưỡng trong năm này.').waitFor();
        const recorded = lastYear.getByRole('row', { name: new RegExp(RECORDED.title) });
        expect(await recorded.locator('th, td').allTextContents()).toEqual([
          RECORDED.title,
          RECORDED.provider,
          '3',
          `15/10/${year - 1}`,
          // No scan was uploaded for it.
          'Chưa có',
        ]);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page)).toEqual([]);
      },
    ));
});
