import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import type { Credentials } from './learner-session';
import { createLearningWorld, type LearningWorld } from './learning-world';

/** The ids the walked pages are about: every page is shown in a state with data. */
export interface QualityIds {
  courseId: string;
  lessonId: string;
  quizId: string;
  quizCourseId: string;
  curriculumId: string;
  bankId: string;
  certificateId: string;
  serial: string;
  /** The code of the certificate's QR link: with it the verify page shows the full name. */
  verifyCode: string;
  /** This year's report of the world's unit: one learner trained. */
  reportId: string;
  /** Last year's report of the root: nobody in it was trained (a year without data). */
  emptyReportId: string;
  /** A finished people export (`/files/people-exports/:id`). */
  peopleExportId: string;
}

export interface QualityWorld extends LearningWorld {
  hr: Credentials;
  ids: QualityIds;
}

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n% giấy chứng nhận\ntrailer<<>>\n%%EOF\n');

function yearInVietnam(): number {
  return Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );
}

/** Polls `read` until it answers something (the worker makes certificates, reports, files). */
async function eventually<T>(what: string, read: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const got = await read();
    if (got !== null) return got;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not ready within 60 s: is the worker running?`);
}

async function coverageReport(api: ApiClient, orgUnitId: string, year: number): Promise<string> {
  const { jobId } = await api.post<{ jobId: string }>('/reports/coverage', { orgUnitId, year });
  return eventually(`the ${year} coverage report`, async () => {
    const job = await api.get<{ state: string; reportId?: string }>(
      `/reports/coverage/jobs/${jobId}`,
    );
    if (job.state === 'failed') throw new Error(`the ${year} coverage report failed`);
    return job.state === 'completed' && job.reportId ? job.reportId : null;
  });
}

/**
 * The learning world with what every page of the walk needs to show data: an HR officer,
 * a curriculum, a question bank with a question, the learner's completed course and its
 * certificate, a training record with its evidence, coverage reports (with and without
 * data) and a finished people export. Made once, through the API, for the whole walk.
 */
export async function createQualityWorld(state: E2eState): Promise<QualityWorld> {
  const world = await createLearningWorld(state);
  const suffix = world.learner.username.split('.')[1];
  const login = (who: Credentials) => ApiClient.login(state.baseUrl, who.username, who.password);
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const hr: Credentials = { username: `hr.${suffix}`, password: world.learner.password };
  await admin.post('/users', {
    ...hr,
    fullName: 'Lê Thị Nhân Sự',
    orgUnitId: world.orgUnitId,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });
  const [trainer, learner, asHr] = await Promise.all([
    login(world.trainer),
    login(world.learner),
    login(hr),
  ]);

  const curriculum = await trainer.post<{ id: string }>('/curricula', {
    code: `CT-${suffix.toUpperCase()}`,
    title: 'Chương trình thử nghiệm cho cán bộ chuyên trách',
    hoursPerYear: 4,
    courseIds: [world.courseWithQuiz.id, world.courseWithoutQuiz.id],
  });
  // Published: learners open it (a draft is the trainer's only).
  await trainer.post(`/curricula/${curriculum.id}/publish`);
  const bank = await trainer.post<{ id: string }>('/question-banks', {
    title: 'Ngân hàng câu hỏi chuyển đổi số',
  });
  const category = await trainer.post<{ id: string }>(`/question-banks/${bank.id}/categories`, {
    name: 'Chương 1: Văn bản điện tử',
  });
  await trainer.post(`/question-banks/${bank.id}/questions`, {
    categoryId: category.id,
    type: 'single',
    text: 'Văn bản điện tử có chữ ký số có giá trị như văn bản giấy không?',
    options: [
      { text: 'Có, theo Luật Giao dịch điện tử', correct: true },
      { text: 'Không bao giờ', correct: false },
    ],
    explanation: 'Luật Giao dịch điện tử công nhận giá trị pháp lý của văn bản điện tử.',
  });

  // The learner completes the course without a quiz: a certificate, and a trained person.
  const course = world.courseWithoutQuiz;
  await learner.post(`/courses/${course.id}/enroll`);
  await learner.post(`/courses/${world.courseWithQuiz.id}/enroll`);
  for (const lesson of course.lessons) await learner.post(`/lessons/${lesson.id}/complete`);
  const certificate = await eventually('the certificate', async () => {
    const mine =
      await learner.get<
        { id: string; status: string; serial: string | null; verifyUrl: string | null }[]
      >('/me/certificates');
    const issued = mine.find((c) => c.status === 'issued' && c.serial && c.verifyUrl);
    return issued ?? null;
  });

  // Training HR recorded, with its scan: the learner's history and HR's page show both.
  const me = await learner.get<{ id: string }>('/me');
  const year = yearInVietnam();
  const record = await asHr.post<{ id: string }>('/training-records', {
    userId: me.id,
    title: 'Lớp tập huấn an toàn thông tin',
    hours: 4,
    completedOn: `${year}-01-02`,
    provider: 'Sở Nội vụ',
  });
  await asHr.upload(
    `/training-records/${record.id}/evidence`,
    { name: 'giay-chung-nhan.pdf', type: 'application/pdf', content: EVIDENCE_PDF },
    'PUT',
  );

  const root = (await admin.get<{ orgUnitId: string }>('/me')).orgUnitId;
  const [reportId, emptyReportId] = await Promise.all([
    coverageReport(asHr, world.orgUnitId, year),
    coverageReport(admin, root, year - 1),
  ]);
  const { jobId } = await asHr.post<{ jobId: string }>('/reports/people/exports', {
    orgUnitId: world.orgUnitId,
    status: 'all',
    format: 'csv',
  });
  await eventually('the people export', async () => {
    const s = await asHr.get<{ state: string }>(`/reports/people/exports/${jobId}`);
    return s.state === 'completed' ? s : null;
  });

  return {
    ...world,
    hr,
    ids: {
      courseId: course.id,
      lessonId: course.lessons[0].id,
      quizId: world.courseWithQuiz.finalQuiz?.id as string,
      quizCourseId: world.courseWithQuiz.id,
      curriculumId: curriculum.id,
      bankId: bank.id,
      certificateId: certificate.id,
      serial: certificate.serial as string,
      verifyCode: new URL(certificate.verifyUrl as string).searchParams.get('c') as string,
      reportId,
      emptyReportId,
      peopleExportId: jobId.replace(/^people-export-/, ''),
    },
  };
}
