import type { Page } from 'playwright-core';
import { openPage } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { loginAs, type Credentials } from './support/learner-session';
import {
  apiEnglishCount,
  axeViolations,
  languageProblems,
  watchApiMessages,
} from './support/page-quality';
import { createQualityWorld, type QualityIds, type QualityWorld } from './support/quality-world';
import { pathMatches, routerRoutes } from './support/router-routes';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
/** axe over a dozen pages at two sizes: minutes on a busy machine. */
const PAGES_TIMEOUT = 420_000;

/** One page of the walk: a route of the router, shown at a concrete path in one state. */
interface Walk {
  /** The route as the router declares it (`/courses/:courseId`, `*`). */
  route: string;
  path: string;
  /** Something on the page once it has loaded (its level-1 heading). */
  ready: RegExp;
  /** What brings the page into the state judged (a person picked…), after `ready`. */
  act?: (page: Page) => Promise<void>;
}

type Pages = (ids: QualityIds, world: QualityWorld) => Walk[];

/**
 * Routes this walk does not open, each with why; every other route of the router must be
 * walked (checked below against App.tsx, so a new page cannot be forgotten).
 */
const NOT_WALKED: Record<string, string> = {
  '/quizzes/:quizId/attempt':
    'opening it starts an attempt (uses one of the learner’s tries): walked with axe in quiz-question-types.e2e-spec, every question type on screen',
  '/quizzes/:quizId/attempts/:attemptId':
    'the result of a submitted attempt: walked with axe in quiz-question-types.e2e-spec after submitting',
};

const ANONYMOUS: Pages = (ids) => [
  { route: '/login', path: '/login', ready: /Đăng nhập/ },
  { route: '/login/sso', path: '/login/sso?error=access_denied', ready: /tài khoản định danh/ },
  { route: '/activate', path: '/activate', ready: /Kích hoạt tài khoản/ },
  { route: '/forgot-password', path: '/forgot-password', ready: /Quên mật khẩu/ },
  { route: '/reset-password', path: '/reset-password?token=het-han', ready: /Đặt lại mật khẩu/ },
  { route: '/verify', path: '/verify', ready: /Tra cứu chứng nhận/ },
  // The serial alone (name masked), then as the QR code opens it (full name).
  { route: '/verify/:serial', path: `/verify/${ids.serial}`, ready: /Tra cứu chứng nhận/ },
  {
    route: '/verify/:serial',
    path: `/verify/${ids.serial}?c=${ids.verifyCode}`,
    ready: /Tra cứu chứng nhận/,
  },
  { route: '*', path: '/khong-co-trang-nay', ready: /Không tìm thấy trang/ },
];

const LEARNER: Pages = (ids, world) => [
  { route: '/', path: '/', ready: /Xin chào/ },
  { route: '/courses', path: '/courses', ready: /Danh mục khóa học/ },
  {
    route: '/courses/:courseId',
    path: `/courses/${ids.courseId}`,
    ready: new RegExp(world.courseWithoutQuiz.title),
  },
  {
    route: '/learn/:courseId/lessons/:lessonId',
    path: `/learn/${ids.courseId}/lessons/${ids.lessonId}`,
    ready: /Bài 1/,
  },
  // Completed course, certificate, the recorded training with its evidence, by year.
  { route: '/my-learning', path: '/my-learning', ready: /Học tập|khóa học/i },
  {
    route: '/curricula/:curriculumId',
    path: `/curricula/${ids.curriculumId}`,
    ready: /Chương trình thử nghiệm/,
  },
  {
    route: '/quizzes/:quizId',
    path: `/quizzes/${ids.quizId}?course=${ids.quizCourseId}`,
    ready: /Bài kiểm tra cuối khóa/,
  },
  { route: '/my-certificates', path: '/my-certificates', ready: /Chứng nhận/ },
  { route: '/notifications', path: '/notifications', ready: /^Thông báo$/ },
  { route: '/me', path: '/me', ready: /Hồ sơ của tôi/ },
  { route: '/me/password', path: '/me/password', ready: /Đổi mật khẩu/ },
  { route: '/me/two-factor', path: '/me/two-factor', ready: /Xác thực hai lớp/ },
];

const TRAINER: Pages = (ids, world) => [
  { route: '/authoring', path: '/authoring', ready: /Soạn bài giảng/ },
  { route: '/authoring/banks', path: '/authoring/banks', ready: /Ngân hàng câu hỏi/ },
  {
    route: '/authoring/banks/:bankId',
    path: `/authoring/banks/${ids.bankId}`,
    ready: /Ngân hàng câu hỏi chuyển đổi số/,
  },
  {
    route: '/authoring/courses/:courseId',
    path: `/authoring/courses/${ids.quizCourseId}`,
    ready: new RegExp(world.courseWithQuiz.title),
  },
  {
    route: '/authoring/courses/:courseId/preview',
    path: `/authoring/courses/${ids.quizCourseId}/preview`,
    ready: new RegExp(world.courseWithQuiz.title),
  },
  {
    route: '/authoring/courses/:courseId/analytics',
    path: `/authoring/courses/${ids.courseId}/analytics`,
    ready: /Thống kê khóa học/,
  },
  // The certificate register with its export panel (ZIP / register buttons).
  { route: '/certificates/manage', path: '/certificates/manage', ready: /Quản lý chứng nhận/ },
  {
    route: '/admin/curricula',
    path: '/admin/curricula',
    ready: /Quản lý chương trình bồi dưỡng/,
  },
  {
    route: '/admin/curricula/:curriculumId',
    path: `/admin/curricula/${ids.curriculumId}`,
    ready: /Chương trình thử nghiệm/,
  },
];

const HR: Pages = (ids, world) => [
  { route: '/reports', path: '/reports', ready: /Báo cáo tỷ lệ bồi dưỡng/ },
  // A rendered report with its rows (the learner trained this year).
  { route: '/reports/:reportId', path: `/reports/${ids.reportId}`, ready: /Báo cáo năm/ },
  {
    route: '/reports/people',
    path: `/reports/people?orgUnitId=${world.orgUnitId}&status=all`,
    ready: /Danh sách cán bộ/,
  },
  {
    route: '/files/:page/:id',
    path: `/files/people-exports/${ids.peopleExportId}`,
    ready: /Danh sách cán bộ/,
  },
  { route: '/certificates/manage', path: '/certificates/manage', ready: /Quản lý chứng nhận/ },
  {
    route: '/certificates/manage/:certificateId',
    path: `/certificates/manage/${ids.certificateId}`,
    ready: new RegExp(world.courseWithoutQuiz.title),
  },
  { route: '/admin', path: '/admin', ready: /Quản trị/ },
  { route: '/admin/people', path: '/admin/people', ready: /^Người dùng$/ },
  { route: '/admin/org-units', path: '/admin/org-units', ready: /Đơn vị/ },
  {
    route: '/admin/requirements',
    path: '/admin/requirements',
    ready: /Yêu cầu bồi dưỡng hằng năm/,
  },
  {
    route: '/admin/training-records',
    path: '/admin/training-records',
    ready: /Bồi dưỡng ngoài nền tảng/,
    // The learner's records, with the evidence buttons.
    act: async (page) => {
      await page
        .getByLabel('Tìm người (họ tên hoặc tên đăng nhập)', { exact: true })
        .fill(world.learner.username);
      await page
        .getByRole('button', { name: `Chọn ${world.learner.fullName}`, exact: true })
        .click();
      await page.getByText('Lớp tập huấn an toàn thông tin').first().waitFor();
    },
  },
  { route: '/admin/privacy', path: '/admin/privacy', ready: /Yêu cầu về dữ liệu cá nhân/ },
];

const SYSADMIN: Pages = (ids) => [
  { route: '/admin', path: '/admin', ready: /Quản trị/ },
  { route: '/admin/org-units', path: '/admin/org-units', ready: /Đơn vị/ },
  {
    route: '/admin/curricula',
    path: '/admin/curricula',
    ready: /Quản lý chương trình bồi dưỡng/,
  },
  { route: '/admin/audit-log', path: '/admin/audit-log', ready: /Nhật ký quản trị/ },
  { route: '/admin/privacy', path: '/admin/privacy', ready: /Yêu cầu về dữ liệu cá nhân/ },
  { route: '/system/queues', path: '/system/queues', ready: /Hàng đợi xử lý nền/ },
  { route: '/reports', path: '/reports', ready: /Báo cáo tỷ lệ bồi dưỡng/ },
  // Last year of the root: no unit below it yet, nobody trained.
  { route: '/reports/:reportId', path: `/reports/${ids.emptyReportId}`, ready: /Báo cáo năm/ },
  {
    route: '/certificates/issuers',
    path: '/certificates/issuers',
    ready: /Thông tin cơ quan cấp chứng nhận/,
  },
  { route: '/certificates/keys', path: '/certificates/keys', ready: /Khóa ký chứng nhận/ },
];

const ALL_PAGES = [ANONYMOUS, LEARNER, TRAINER, HR, SYSADMIN];

/** Stand-ins for the world's ids: enough to read which routes the lists walk. */
const SOME_IDS: QualityIds = {
  courseId: 'c',
  lessonId: 'l',
  quizId: 'q',
  quizCourseId: 'qc',
  curriculumId: 'cu',
  bankId: 'b',
  certificateId: 'ce',
  serial: 's',
  verifyCode: 'v',
  reportId: 'r',
  emptyReportId: 're',
  peopleExportId: 'p',
};
const SOME_WORLD = {
  orgUnitId: 'o',
  learner: { username: 'u', password: 'p', fullName: 'n' },
  courseWithQuiz: { title: 't' },
  courseWithoutQuiz: { title: 't' },
} as unknown as QualityWorld;

describe('every route of the router is walked or excluded with a reason', () => {
  const walks = ALL_PAGES.flatMap((pages) => pages(SOME_IDS, SOME_WORLD));

  it('reads the routes from App.tsx', () => {
    expect(routerRoutes().length).toBeGreaterThan(40);
    expect(routerRoutes()).toEqual(expect.arrayContaining(['/', '/reports/:reportId', '*']));
  });

  it('walks every route that is not excluded, and excludes only routes that exist', () => {
    const router = routerRoutes();
    const walked = new Set(walks.map((w) => w.route));
    expect(router.filter((r) => !walked.has(r) && !(r in NOT_WALKED))).toEqual([]);
    expect(Object.keys(NOT_WALKED).filter((r) => !router.includes(r) || walked.has(r))).toEqual([]);
    expect([...walked].filter((r) => !router.includes(r))).toEqual([]);
  });

  it('opens each walked route at a path of that route', () => {
    expect(walks.filter((w) => !pathMatches(w.route, w.path)).map((w) => w.path)).toEqual([]);
  });
});

/**
 * Every route of each kind of user, at desktop and phone sizes, in a state with data:
 * 0 WCAG 2.1 A/AA violations found by axe-core, no translation key shown instead of text,
 * no English sentence of the API, `lang="vi"`. One world and one sign-in per role and size.
 */
describe('accessibility and Vietnamese on every route', () => {
  const suite = browserSuite(createQualityWorld, 240_000);
  const problems: string[] = [];
  // Each test reports its own pages only.
  beforeEach(() => {
    problems.length = 0;
  });

  async function check(page: Page, walk: Walk, size: string, seen: Set<string>) {
    await page.goto(walk.path);
    await page.getByRole('heading', { level: 1, name: walk.ready }).first().waitFor();
    await walk.act?.(page);
    // Lazy data (progress, certificates) settles before the page is judged.
    await page.waitForLoadState('networkidle');
    for (const p of [...(await axeViolations(page)), ...(await languageProblems(page, seen))]) {
      problems.push(`${size} ${walk.path}: ${p}`);
    }
  }

  async function checkAll(who: Credentials | null, pages: Pages) {
    const walks = pages(suite.world.ids, suite.world);
    for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
      const { context, page } = await openPage(suite.browser, {
        baseURL: suite.state.baseUrl,
        viewport,
      });
      const seen = watchApiMessages(page);
      try {
        if (who) await loginAs(page, who);
        for (const walk of walks) await check(page, walk, size, seen);
      } finally {
        await context.close();
      }
    }
  }

  it('knows the English sentences of the API it looks for', () => {
    expect(apiEnglishCount()).toBeGreaterThan(50);
  });

  it(
    'anonymous pages: sign-in, activation, passwords, verify (with and without the code), not found',
    async () => {
      await checkAll(null, ANONYMOUS);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a learner's pages: home, catalog, course, lesson, history, curriculum, quiz, certificates, notifications, profile, password, two-factor",
    async () => {
      await checkAll(suite.world.learner, LEARNER);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a trainer's pages: authoring, question banks and a bank, course editor, preview, analytics, register, curricula",
    async () => {
      await checkAll(suite.world.trainer, TRAINER);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "HR's pages: reports and a rendered report, people, an export's file page, certificates and one certificate, administration, training records",
    async () => {
      await checkAll(suite.world.hr, HR);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );

  it(
    "a sysadmin's pages: administration, audit log, queues, a report of a year without data, issuers, signing keys",
    async () => {
      const { adminUsername: username, adminPassword: password } = suite.state;
      await checkAll({ username, password }, SYSADMIN);
      expect(problems).toEqual([]);
    },
    PAGES_TIMEOUT,
  );
});
