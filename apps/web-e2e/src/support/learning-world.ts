import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';

export interface Person {
  username: string;
  password: string;
  fullName: string;
}

export interface SeededQuestion {
  text: string;
  correct: string;
  wrong: string[];
  explanation: string;
}

export interface SeededCourse {
  id: string;
  title: string;
  lessons: { id: string; title: string }[];
  finalQuiz: { id: string; title: string; questions: SeededQuestion[] } | null;
}

/** One org unit with its trainer, a learner and two published courses, made via the API. */
export interface LearningWorld {
  orgUnitId: string;
  trainer: Person;
  learner: Person;
  /** "Chuyển đổi số cơ bản": 1 module, 2 text lessons and a final quiz of 2 questions. */
  courseWithQuiz: SeededCourse;
  /** "Nhập môn chuyển đổi số": 1 module, 2 text lessons, no quiz (100% by lessons). */
  courseWithoutQuiz: SeededCourse;
}

export const COURSE_WITH_QUIZ = 'Chuyển đổi số cơ bản';
export const COURSE_WITHOUT_QUIZ = 'Nhập môn chuyển đổi số';

const QUESTIONS: SeededQuestion[] = [
  {
    text: 'Cổng Dịch vụ công quốc gia dùng để làm gì?',
    correct: 'Nộp hồ sơ và theo dõi thủ tục hành chính trực tuyến',
    wrong: ['Lưu trữ ảnh cá nhân', 'Chơi trò chơi trực tuyến'],
    explanation:
      'Cổng Dịch vụ công quốc gia là nơi người dân, doanh nghiệp thực hiện thủ tục hành chính trực tuyến.',
  },
  {
    text: 'Trụ cột nào KHÔNG thuộc chuyển đổi số quốc gia?',
    correct: 'Du lịch vũ trụ',
    wrong: ['Chính phủ số', 'Kinh tế số', 'Xã hội số'],
    explanation: 'Ba trụ cột của chuyển đổi số quốc gia là chính phủ số, kinh tế số và xã hội số.',
  },
];

/** The API body of a seeded question: single choice, the right option first. */
const singleChoice = (q: SeededQuestion) => ({
  type: 'single',
  text: q.text,
  options: [
    { text: q.correct, correct: true },
    ...q.wrong.map((text) => ({ text, correct: false })),
  ],
  explanation: q.explanation,
});

function person(prefix: string, suffix: string, fullName: string): Person {
  return {
    username: `${prefix}.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
    fullName,
  };
}

async function createPerson(admin: ApiClient, who: Person, orgUnitId: string, roles: string[]) {
  await admin.post('/users', {
    username: who.username,
    password: who.password,
    fullName: who.fullName,
    orgUnitId,
    dxRole: 'part_time',
    roles,
  });
}

async function createCourse(
  trainer: ApiClient,
  code: string,
  title: string,
  withQuiz: boolean,
): Promise<SeededCourse> {
  const course = await trainer.post<{ id: string }>('/courses', {
    code,
    title,
    description: `${title}: khóa học thử nghiệm của bài kiểm thử trình duyệt.`,
    hours: 2,
  });
  const mod = await trainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1. Tổng quan',
  });
  const lessons: SeededCourse['lessons'] = [];
  for (const [i, lessonTitle] of ['Bài 1. Chuyển đổi số là gì?', 'Bài 2. Chính phủ số'].entries()) {
    const lesson = await trainer.post<{ id: string }>(`/modules/${mod.id}/lessons`, {
      title: lessonTitle,
      kind: 'text',
      content: `# ${lessonTitle}\n\nNội dung bài ${i + 1} về **chuyển đổi số** trong cơ quan nhà nước.`,
      durationMinutes: 10,
    });
    lessons.push({ id: lesson.id, title: lessonTitle });
  }
  let finalQuiz: SeededCourse['finalQuiz'] = null;
  if (withQuiz) {
    const quizTitle = 'Bài kiểm tra cuối khóa';
    const quiz = await trainer.post<{ id: string }>(`/courses/${course.id}/quizzes`, {
      title: quizTitle,
      kind: 'final',
      passingScore: 50,
      timeLimitSeconds: 600,
      maxAttempts: 3,
      shuffle: true,
    });
    for (const q of QUESTIONS) {
      await trainer.post(`/quizzes/${quiz.id}/questions`, singleChoice(q));
    }
    finalQuiz = { id: quiz.id, title: quizTitle, questions: QUESTIONS };
  }
  await trainer.post(`/courses/${course.id}/publish`);
  return { id: course.id, title, lessons, finalQuiz };
}

/** What a one-lesson course is made of (module "Chương 1", 1 hour, a 5-minute text lesson). */
export interface OneLessonCourseSpec {
  code: string;
  title: string;
  lessonTitle: string;
  content: string;
}

/**
 * A published course of one module and one text lesson, made by the world's trainer through
 * the API; `addQuizzes` adds what else it needs (as the trainer) before it is published. The
 * world's learner is enrolled.
 */
export async function publishOneLessonCourse<T = void>(
  state: E2eState,
  world: Pick<LearningWorld, 'trainer' | 'learner'>,
  spec: OneLessonCourseSpec,
  addQuizzes?: (trainer: ApiClient, courseId: string) => Promise<T>,
): Promise<{ id: string; lessonId: string; quizzes: T | undefined }> {
  const trainer = await ApiClient.login(
    state.baseUrl,
    world.trainer.username,
    world.trainer.password,
  );
  const course = await trainer.post<{ id: string }>('/courses', {
    code: spec.code,
    title: spec.title,
    hours: 1,
  });
  const mod = await trainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1',
  });
  const lesson = await trainer.post<{ id: string }>(`/modules/${mod.id}/lessons`, {
    title: spec.lessonTitle,
    kind: 'text',
    content: spec.content,
    durationMinutes: 5,
  });
  const quizzes = await addQuizzes?.(trainer, course.id);
  await trainer.post(`/courses/${course.id}/publish`);
  const learner = await ApiClient.login(
    state.baseUrl,
    world.learner.username,
    world.learner.password,
  );
  await learner.post(`/courses/${course.id}/enroll`);
  return { id: course.id, lessonId: lesson.id, quizzes };
}

/**
 * A course whose only quiz is a practice quiz of `seconds` seconds and one question (the
 * first of QUESTIONS), published by the world's trainer; the learner is enrolled.
 */
export async function createTimedQuizCourse(
  state: E2eState,
  world: LearningWorld,
  seconds: number,
): Promise<SeededCourse> {
  const title = 'Kỹ năng số: luyện tập có tính giờ';
  const lessonTitle = 'Bài 1. Dịch vụ công trực tuyến';
  const quizTitle = 'Luyện tập nhanh';
  const [q] = QUESTIONS;
  const course = await publishOneLessonCourse(
    state,
    world,
    {
      code: `TG-${randomBytes(4).toString('hex').toUpperCase()}`,
      title,
      lessonTitle,
      content: 'Nội dung về **dịch vụ công trực tuyến**.',
    },
    async (trainer, courseId) => {
      const quiz = await trainer.post<{ id: string }>(`/courses/${courseId}/quizzes`, {
        title: quizTitle,
        kind: 'practice',
        passingScore: 50,
        timeLimitSeconds: seconds,
      });
      await trainer.post(`/quizzes/${quiz.id}/questions`, singleChoice(q));
      return quiz.id;
    },
  );
  return {
    id: course.id,
    title,
    lessons: [{ id: course.lessonId, title: lessonTitle }],
    finalQuiz: { id: course.quizzes as string, title: quizTitle, questions: [q] },
  };
}

/**
 * Builds a world of its own for one spec: a unit under the admin's, so its learner's
 * catalog holds exactly its two courses whatever other specs created.
 */
export async function createLearningWorld(state: E2eState): Promise<LearningWorld> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const unit = await admin.post<{ id: string }>('/org-units', {
    code: `E2E-${suffix.toUpperCase()}`,
    name: `Sở Thông tin và Truyền thông (thử nghiệm ${suffix})`,
    parentId: me.orgUnitId,
  });

  const trainer = person('trainer', suffix, 'Trần Thị Giảng');
  const learner = person('learner', suffix, 'Nguyễn Văn Học');
  await createPerson(admin, trainer, unit.id, ['learner', 'trainer']);
  await createPerson(admin, learner, unit.id, ['learner']);

  const asTrainer = await ApiClient.login(state.baseUrl, trainer.username, trainer.password);
  const code = suffix.toUpperCase();
  const courseWithQuiz = await createCourse(asTrainer, `CDS-${code}`, COURSE_WITH_QUIZ, true);
  const courseWithoutQuiz = await createCourse(asTrainer, `NM-${code}`, COURSE_WITHOUT_QUIZ, false);
  return { orgUnitId: unit.id, trainer, learner, courseWithQuiz, courseWithoutQuiz };
}
