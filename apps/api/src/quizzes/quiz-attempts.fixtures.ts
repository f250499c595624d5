import type { AttemptQuestion } from '@dx/contracts';
import { EnrollmentEntity, UserEntity } from '@dx/db';
import { BuiltCourse, buildCourse, QuizSpec } from '../test/course-factory';
import type { TestApp } from '../test/test-app';
import { TrainingLedgerService } from '../training/training-ledger.service';

/** Spec helpers: a learner enrolled (straight in the database) on a freshly built course. */
export interface Learner {
  user: UserEntity;
  auth: string;
  built: BuiltCourse;
  enrollment: EnrollmentEntity;
  quizId: string;
}

export async function enrol(
  t: TestApp,
  user: UserEntity,
  built: BuiltCourse,
): Promise<EnrollmentEntity> {
  const repo = t.db.getRepository(EnrollmentEntity);
  return repo.save(
    repo.create({
      userId: user.id,
      courseId: built.course.id,
      courseVersionId: built.version.id,
      // The training year of an enrolment made now (TZ_REPORTS), as the enrol endpoint sets it.
      year: t.app.get(TrainingLedgerService).yearOf(new Date()),
      status: 'in_progress',
    }),
  );
}

export async function learnerOn(
  t: TestApp,
  quiz: QuizSpec,
  modules: number[] = [1],
): Promise<Learner> {
  const unit = await t.make.unit(null, 'Sở Thông tin và Truyền thông');
  const user = await t.make.user(unit, { fullName: 'Trần Thị Ngọc Ánh' });
  const built = await buildCourse(t.db, { owner: unit, modules, quizzes: [quiz] });
  const enrollment = await enrol(t, user, built);
  return {
    user,
    auth: await t.tokenFor(user.username),
    built,
    enrollment,
    quizId: built.quizzes[0].quiz.id,
  };
}

/** The right answer to each shown question, read from the bank the way only a test may. */
export function rightAnswers(built: BuiltCourse, questions: AttemptQuestion[]) {
  const bank = new Map(
    built.quizzes.flatMap((q) => q.questions).map((q) => [q.question.id, q.options]),
  );
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: (bank.get(q.id) ?? []).filter((o) => o.correct).map((o) => o.id),
  }));
}

/** Words that would give an answer away before submission. */
export const ANSWER_LEAK = /correct|explanation|passed|score|review|Giải thích/i;

/** Questions of `n` single-choice items with four options, the second one right. */
export const singles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'single' as const,
    text: `Câu ${i + 1}: Cổng dịch vụ công quốc gia dùng để làm gì?`,
    options: [
      'Xem dự báo thời tiết',
      'Nộp hồ sơ và thanh toán trực tuyến',
      'Đọc báo',
      'Nghe nhạc',
    ].map((text, j) => ({
      text,
      correct: j === 1,
    })),
  }));

/** Starts a new attempt through the API (expects 201) and returns its body. */
export async function startAttempt(t: TestApp, l: Learner) {
  return (
    await t.http.post(`/api/quizzes/${l.quizId}/attempts`).set('Authorization', l.auth).expect(201)
  ).body;
}

/** Submits answers (or any body, for validation cases) as the learner; status left to the caller. */
export function submitAttempt(t: TestApp, l: Learner, attemptId: string, body: unknown) {
  return t.http
    .post(`/api/attempts/${attemptId}/submit`)
    .set('Authorization', l.auth)
    .send(body as object);
}
