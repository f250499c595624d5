import type { Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { openPage } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { loginAs, type Credentials } from './support/learner-session';
import { createLearningWorld } from './support/learning-world';
import {
  apiEnglishCount,
  axeViolations,
  languageProblems,
  watchApiMessages,
} from './support/page-quality';

const DESKTOP = { width: 1280, height: 800 };
/** axe over a dozen pages at two sizes: minutes on a busy machine. */
const PAGES_TIMEOUT = 300_000;
const PHONE = { width: 360, height: 740 };

interface Route {
  path: string;
  /** Something on the page once it has loaded (a heading's text). */
  ready: RegExp;
}

/**
 * Every main route of each kind of user, at desktop and phone sizes: 0 WCAG 2.1 A/AA
 * violations found by axe-core, no translation key shown instead of text, `lang="vi"`.
 */
describe('accessibility and Vietnamese on every main page', () => {
  const suite = browserSuite(createLearningWorld);
  const problems: string[] = [];
  let hr: Credentials;
  // Each test reports its own pages only.
  beforeEach(() => {
    problems.length = 0;
  });
  let curriculumId: string;

  beforeAll(async () => {
    const { state, world } = suite;
    const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
    hr = {
      username: `hr.${world.learner.username.split('.')[1]}`,
      password: world.learner.password,
    };
    await admin.post('/users', {
      ...hr,
      fullName: 'Lê Thị Nhân Sự',
      orgUnitId: world.orgUnitId,
      dxRole: 'none',
      roles: ['learner', 'hr'],
    });
    const trainer = await ApiClient.login(
      state.baseUrl,
      world.trainer.username,
      world.trainer.password,
    );
    const curriculum = await trainer.post<{ id: string }>('/curricula', {
      code: `CT-${hr.username.split('.')[1].toUpperCase()}`,
      title: 'Chương trình thử nghiệm cho cán bộ chuyên trách',
      hoursPerYear: 4,
      courseIds: [world.courseWithQuiz.id, world.courseWithoutQuiz.id],
    });
    curriculumId = curriculum.id;
  });

  async function check(page: Page, route: Route, size: string, seen: Set<string>) {
    await page.goto(route.path);
    await page.getByRole('heading', { level: 1, name: route.ready }).first().waitFor();
    // Lazy data (progress, certificates) settles before the page is judged.
    await page.waitForLoadState('networkidle');
    for (const p of [...(await axeViolations(page)), ...(await languageProblems(page, seen))]) {
      problems.push(`${size} ${route.path}: ${p}`);
    }
  }

  async function checkAll(who: Credentials | null, routes: () => Route[]) {
    for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
      const { context, page } = await openPage(suite.browser, {
        baseURL: suite.state.baseUrl,
        viewport,
      });
      const seen = watchApiMessages(page);
      try {
        if (who) await loginAs(page, who);
        for (const route of routes()) await check(page, route, size, seen);
      } finally {
        await context.close();
      }
    }
  }

  it('knows the English sentences of the API it looks for', () => {
    expect(apiEnglishCount()).toBeGreaterThan(50);
  });

  it(
    'anonymous pages: login, verify, not found',
    async () => {
      await checkAll(null, () => [
        { path: '/login', ready: /Đăng nhập/ },
        { path: '/verify', ready: /Tra cứu|Xác minh|chứng nhận/i },
        { path: '/khong-co-trang-nay', ready: /Không tìm thấy trang/ },
      ]);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a learner's pages: home, catalog, course, lesson, learning, certificates, notifications, profile, two-factor",
    async () => {
      const { learner, courseWithoutQuiz: course } = suite.world;
      const api = await ApiClient.login(suite.state.baseUrl, learner.username, learner.password);
      await api.post(`/courses/${course.id}/enroll`);
      await checkAll(learner, () => [
        { path: '/', ready: /Xin chào/ },
        { path: '/courses', ready: /Danh mục khóa học/ },
        { path: `/courses/${course.id}`, ready: new RegExp(course.title) },
        { path: `/learn/${course.id}/lessons/${course.lessons[0].id}`, ready: /Bài 1/ },
        { path: '/my-learning', ready: /Học tập|khóa học/i },
        { path: '/my-certificates', ready: /Chứng nhận/ },
        { path: '/notifications', ready: /^Thông báo$/ },
        { path: '/me', ready: /Hồ sơ của tôi/ },
        { path: '/me/two-factor', ready: /Xác thực hai lớp/ },
      ]);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a trainer's pages: authoring list, question banks, course editor, learner preview",
    async () => {
      const { trainer, courseWithQuiz: course } = suite.world;
      await checkAll(trainer, () => [
        { path: '/authoring', ready: /Soạn bài giảng/ },
        { path: '/authoring/banks', ready: /Ngân hàng câu hỏi/ },
        { path: `/authoring/courses/${course.id}`, ready: new RegExp(course.title) },
        { path: `/authoring/courses/${course.id}/preview`, ready: new RegExp(course.title) },
        { path: '/admin/curricula', ready: /Quản lý chương trình bồi dưỡng/ },
        { path: `/admin/curricula/${curriculumId}`, ready: /Chương trình thử nghiệm/ },
      ]);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "HR's pages: reports, people, certificates, administration, units, personal data",
    async () => {
      await checkAll(hr, () => [
        { path: '/reports', ready: /Báo cáo tỷ lệ bồi dưỡng/ },
        { path: '/reports/people', ready: /Danh sách cán bộ/ },
        { path: '/certificates/manage', ready: /Quản lý chứng nhận/ },
        { path: '/admin', ready: /Quản trị/ },
        { path: '/admin/org-units', ready: /Đơn vị/ },
        { path: '/admin/privacy', ready: /Yêu cầu về dữ liệu cá nhân/ },
      ]);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a sysadmin's pages: administration, units, curricula, audit log, queues, reports",
    async () => {
      const { adminUsername: username, adminPassword: password } = suite.state;
      await checkAll({ username, password }, () => [
        { path: '/admin', ready: /Quản trị/ },
        { path: '/admin/org-units', ready: /Đơn vị/ },
        { path: '/admin/curricula', ready: /Quản lý chương trình bồi dưỡng/ },
        { path: '/admin/audit-log', ready: /Nhật ký quản trị/ },
        { path: '/admin/privacy', ready: /Yêu cầu về dữ liệu cá nhân/ },
        { path: '/system/queues', ready: /Hàng đợi xử lý nền/ },
        { path: '/reports', ready: /Báo cáo tỷ lệ bồi dưỡng/ },
      ]);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );
});
