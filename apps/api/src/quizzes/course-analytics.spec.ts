import { EnrollmentEntity, OrgUnitEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { questionFlags } from './course-analytics.service';
import { enrol, singles } from './quiz-attempts.fixtures';

describe('GET /api/courses/:id/analytics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /**
   * One attempt of a new learner: right on the questions whose index is in `right`, wrong
   * on the others (answers read from the bank: options are shuffled).
   */
  async function attempt(
    built: BuiltCourse,
    unit: OrgUnitEntity,
    right: number[],
  ): Promise<EnrollmentEntity> {
    const learner = await t.make.user(unit);
    const enrollment = await enrol(t, learner, built);
    const auth = await t.tokenFor(learner.username);
    const quizId = built.quizzes[0].quiz.id;
    const started = await t.http
      .post(`/api/quizzes/${quizId}/attempts`)
      .set('Authorization', auth)
      .expect(201);
    const bank = built.quizzes[0].questions;
    const answers = bank.map((q, i) => ({
      questionId: q.question.id,
      optionIds: q.options
        .filter((o) => o.correct === right.includes(i))
        .slice(0, 1)
        .map((o) => o.id),
    }));
    await t.http
      .post(`/api/attempts/${started.body.attemptId}/submit`)
      .set('Authorization', auth)
      .send({ answers })
      .expect(200);
    return enrollment;
  }

  it('counts enrolments and completions, and rates every question by its attempts', async () => {
    const { a, b } = await t.make.twoProvinces();
    const trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    const built = await buildCourse(t.db, {
      owner: a,
      quizzes: [{ kind: 'practice', questions: singles(3) }],
    });
    // Question 1 always right, question 2 always wrong, question 3 right for half of them:
    // the score then rises exactly with question 3 (point-biserial 1).
    const enrolments: EnrollmentEntity[] = [];
    for (let i = 0; i < 6; i++) enrolments.push(await attempt(built, a, i < 3 ? [0, 2] : [0]));

    // Two completions, 2 and 4 days after enrolling; the second on 1 May in Vietnam (UTC+7).
    const repo = t.db.getRepository(EnrollmentEntity);
    for (const [e, completed, days] of [
      [enrolments[0], '2026-03-15T10:00:00Z', 2],
      [enrolments[1], '2026-04-30T20:00:00Z', 4],
    ] as const) {
      const completedAt = new Date(completed);
      await repo.update(e.id, {
        status: 'completed',
        completedAt,
        enrolledAt: new Date(completedAt.getTime() - days * 86_400_000),
      });
    }

    const url = `/api/courses/${built.course.id}/analytics`;
    const res = await t.http.get(url).set('Authorization', trainer).expect(200);
    expect(res.body).toMatchObject({
      courseId: built.course.id,
      enrolments: 6,
      completions: 2,
      completionRate: 0.333,
      medianDaysToComplete: 3,
      completionsByMonth: [
        { month: '2026-03', completions: 1 },
        { month: '2026-05', completions: 1 },
      ],
    });
    const [quiz] = res.body.quizzes;
    expect(quiz).toMatchObject({ kind: 'practice', version: 1, attempts: 6, meanScore: 50 });
    expect(quiz.passRate).toBe(0.5);
    expect(quiz.questions).toEqual([
      expect.objectContaining({
        answered: 6,
        difficulty: 1,
        discrimination: null,
        flags: ['too_easy'],
      }),
      expect.objectContaining({
        answered: 6,
        difficulty: 0,
        discrimination: null,
        flags: ['too_hard'],
      }),
      expect.objectContaining({ answered: 6, difficulty: 0.5, discrimination: 1, flags: [] }),
    ]);

    const csv = await t.http.get(`${url}/export`).set('Authorization', trainer).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Bài kiểm tra,Phiên bản,Câu hỏi,Số lượt trả lời,Tỷ lệ đúng,Độ phân biệt,Cảnh báo',
    );
    expect(lines[3]).toMatch(/,6,0\.5,1,$/);

    // A new attempt changes the cached figures of that quiz.
    await attempt(built, a, [1]);
    const after = (await t.http.get(url).set('Authorization', trainer).expect(200)).body;
    expect(after.quizzes[0].attempts).toBe(7);
    expect(after.quizzes[0].questions[1].difficulty).toBe(0.143);

    // Learners and trainers elsewhere do not see that the course has figures.
    const learner = await t.tokenFor((await t.make.user(a)).username);
    const elsewhere = await t.tokenFor((await t.make.user(b, { roles: ['trainer'] })).username);
    for (const token of [learner, elsewhere]) {
      await t.http.get(url).set('Authorization', token).expect(404);
      await t.http.get(`${url}/export`).set('Authorization', token).expect(404);
    }
    // Eight sign-ins (argon2) and fourteen attempt calls: slow on a shared 2-core machine.
  }, 120_000);

  it('flags nothing below five answers', () => {
    const q = { questionId: 'q', text: 'x', difficulty: 1, discrimination: 0 };
    expect(questionFlags({ ...q, answered: 4 })).toEqual([]);
    expect(questionFlags({ ...q, answered: 5 })).toEqual(['too_easy', 'low_discrimination']);
  });
});
