import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('course progress: ✓ marks and the next unfinished item', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let learner: string;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    learner = await t.tokenFor((await t.make.user(units.a1)).username);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('Authorization', token),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', token).send(body),
  });
  const api = () => as(learner);

  it('walks lessons in outline order (not the last opened), then the final quiz, then nothing', async () => {
    const built = await buildCourse(t.db, {
      owner: units.a,
      modules: [2, 1],
      quizzes: [{ kind: 'final', passingScore: 100, questions: [{}] }],
    });
    const id = built.course.id;
    const [l1, l2, l3] = built.lessons;
    await api().get(`/api/me/enrollments/${id}/progress`).expect(404);
    await api().post(`/api/courses/${id}/enroll`).expect(201);

    const progress = () => api().get(`/api/me/enrollments/${id}/progress`).expect(200);
    expect((await progress()).body).toMatchObject({
      courseId: id,
      status: 'in_progress',
      completedLessonIds: [],
      passedQuizIds: [],
      next: { kind: 'lesson', id: l1.id, title: l1.title },
    });

    // Opening and finishing the last lesson first leaves the first one next.
    await api().get(`/api/lessons/${l3.id}`).expect(200);
    await api().post(`/api/lessons/${l3.id}/complete`).expect(200);
    expect((await progress()).body).toMatchObject({
      completedLessonIds: [l3.id],
      next: { kind: 'lesson', id: l1.id },
    });
    await api().post(`/api/lessons/${l1.id}/complete`).expect(200);
    expect((await progress()).body.next).toMatchObject({ kind: 'lesson', id: l2.id });
    await api().post(`/api/lessons/${l2.id}/complete`).expect(200);

    const quiz = built.quizzes[0];
    const after = (await progress()).body;
    expect(after.completedLessonIds.sort()).toEqual([l1.id, l2.id, l3.id].sort());
    expect(after.next).toEqual({ kind: 'quiz', id: quiz.quiz.id, title: quiz.quiz.title });

    const attempt = await api().post(`/api/quizzes/${quiz.quiz.id}/attempts`).expect(201);
    const [question] = quiz.questions;
    const correct = question.options.filter((o) => o.correct).map((o) => o.id);
    const graded = await api()
      .post(`/api/attempts/${attempt.body.attemptId}/submit`, {
        answers: [{ questionId: question.question.id, optionIds: correct }],
      })
      .expect(200);
    expect(graded.body.passed).toBe(true);
    expect((await progress()).body).toMatchObject({
      status: 'completed',
      progress: 100,
      passedQuizIds: [quiz.quiz.id],
      next: null,
    });
  });

  it('is 404 for a course the caller is not enrolled in, and 400 for a malformed id', async () => {
    const other = await buildCourse(t.db, { owner: units.b });
    await api().get(`/api/me/enrollments/${other.course.id}/progress`).expect(404);
    await api().get('/api/me/enrollments/not-a-uuid/progress').expect(400);
  });
});
