import { LessonVisitEntity } from '@dx/db';
import { authorCourse } from '../courses/courses.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

/**
 * Two course settings, off by default: a minimum time per lesson and lessons in order.
 * The server enforces both when a lesson is completed; the outline and the lesson say
 * what they are so the web can show locks and the time left.
 */
describe('lesson pacing (minimum time, lessons in order)', () => {
  let t: TestApp;
  let trainer: string;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    trainer = await t.tokenFor(
      (await t.make.user(tree.a, { roles: ['trainer', 'learner'] })).username,
    );
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('Authorization', token),
    post: (url: string, body?: object) => t.http.post(url).set('Authorization', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', token).send(body),
  });

  /** A course of three lessons (2 + 1) with the given pacing, published, and a fresh learner enrolled. */
  async function pacedCourse(opts: { sequential: boolean; minSeconds: number[] }) {
    const course = await authorCourse(t, trainer, { modules: [2, 1], publish: false });
    await as(trainer)
      .patch(`/api/courses/${course.id}`, { sequentialLessons: opts.sequential })
      .expect(200);
    for (const [i, minSeconds] of opts.minSeconds.entries()) {
      await as(trainer).patch(`/api/lessons/${course.lessonIds[i]}`, { minSeconds }).expect(200);
    }
    await as(trainer).post(`/api/courses/${course.id}/publish`).expect(200);
    const learner = await t.tokenFor((await t.make.user(tree.a1)).username);
    await as(learner).post(`/api/courses/${course.id}/enroll`).expect(201);
    const outline = await as(learner).get(`/api/courses/${course.id}`).expect(200);
    const lessons = outline.body.modules.flatMap((m: { lessons: { id: string }[] }) => m.lessons);
    return {
      course,
      learner,
      outline: outline.body,
      lessonIds: lessons.map((l: { id: string }) => l.id),
    };
  }

  it('is off by default: any lesson completes at once, in any order', async () => {
    const { learner, outline, lessonIds } = await pacedCourse({
      sequential: false,
      minSeconds: [],
    });
    expect(outline.sequentialLessons).toBe(false);
    expect(outline.modules[0].lessons[0].minSeconds).toBe(0);
    await as(learner).post(`/api/lessons/${lessonIds[2]}/complete`).expect(200);
    await as(learner).post(`/api/lessons/${lessonIds[0]}/complete`).expect(200);
  });

  it('refuses a lesson after an unfinished one with 409 lesson_locked naming the lesson to do first', async () => {
    const { learner, outline, lessonIds } = await pacedCourse({ sequential: true, minSeconds: [] });
    expect(outline.sequentialLessons).toBe(true);
    const locked = await as(learner).post(`/api/lessons/${lessonIds[2]}/complete`).expect(409);
    expect(locked.body).toMatchObject({
      code: 'lesson_locked',
      params: { lessonTitle: 'Bài 1.1' },
    });
    await as(learner).post(`/api/lessons/${lessonIds[0]}/complete`).expect(200);
    const still = await as(learner).post(`/api/lessons/${lessonIds[2]}/complete`).expect(409);
    expect(still.body.params).toEqual({ lessonTitle: 'Bài 1.2' });
    await as(learner).post(`/api/lessons/${lessonIds[1]}/complete`).expect(200);
    const done = await as(learner).post(`/api/lessons/${lessonIds[2]}/complete`).expect(200);
    expect(done.body.progress).toBeGreaterThan(0);
    // Completing again stays idempotent.
    await as(learner).post(`/api/lessons/${lessonIds[0]}/complete`).expect(200);
  });

  it('counts the minimum time from the first opening and answers the seconds left', async () => {
    const { learner, outline, lessonIds } = await pacedCourse({
      sequential: false,
      minSeconds: [120],
    });
    const [first] = lessonIds;
    expect(outline.modules[0].lessons[0].minSeconds).toBe(120);
    // Never opened: the whole time is left.
    const unopened = await as(learner).post(`/api/lessons/${first}/complete`).expect(409);
    expect(unopened.body).toMatchObject({
      code: 'lesson_time_not_reached',
      params: { remainingSeconds: 120, minSeconds: 120 },
    });
    const lesson = await as(learner).get(`/api/lessons/${first}`).expect(200);
    expect(lesson.body.minSeconds).toBe(120);
    const early = await as(learner).post(`/api/lessons/${first}/complete`).expect(409);
    expect(early.body.params.remainingSeconds).toBeGreaterThan(100);
    expect(early.body.params.remainingSeconds).toBeLessThanOrEqual(120);
    // Re-opening does not restart the clock; time passing (moved back here) does count.
    const visits = t.db.getRepository(LessonVisitEntity);
    const [visit] = await visits.findBy({ lessonId: first });
    await as(learner).get(`/api/lessons/${first}`).expect(200);
    expect((await visits.findOneByOrFail({ lessonId: first })).firstOpenedAt).toEqual(
      visit.firstOpenedAt,
    );
    await visits.update(
      { enrollmentId: visit.enrollmentId, lessonId: first },
      { firstOpenedAt: new Date(Date.now() - 121_000) },
    );
    await as(learner).post(`/api/lessons/${first}/complete`).expect(200);
    // Lessons without a minimum write no visit at all.
    await as(learner).get(`/api/lessons/${lessonIds[1]}`).expect(200);
    expect(await visits.countBy({ lessonId: lessonIds[1] })).toBe(0);
  });

  it('in a sequential course counts the time from the previous completion when that came later', async () => {
    const { learner, lessonIds } = await pacedCourse({ sequential: true, minSeconds: [0, 60] });
    const visits = t.db.getRepository(LessonVisitEntity);
    // Opened the second lesson long ago, before finishing the first one…
    await as(learner).get(`/api/lessons/${lessonIds[1]}`).expect(200);
    await visits.update(
      { lessonId: lessonIds[1] },
      { firstOpenedAt: new Date(Date.now() - 3_600_000) },
    );
    await as(learner).post(`/api/lessons/${lessonIds[0]}/complete`).expect(200);
    // …so its clock starts when the first was completed, just now.
    const res = await as(learner).post(`/api/lessons/${lessonIds[1]}/complete`).expect(409);
    expect(res.body.code).toBe('lesson_time_not_reached');
    expect(res.body.params.remainingSeconds).toBeGreaterThan(50);
  });

  it('refuses absurd settings with field errors', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    for (const minSeconds of [-1, 86_401, 1.5, '60']) {
      const res = await as(trainer)
        .patch(`/api/lessons/${course.lessonIds[0]}`, { minSeconds })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('minSeconds');
    }
    const res = await as(trainer)
      .patch(`/api/courses/${course.id}`, { sequentialLessons: 'yes' })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'sequentialLessons', code: 'is_boolean' });
    const draft = await as(trainer).get(`/api/courses/${course.id}/draft`).expect(200);
    expect(draft.body.sequentialLessons).toBe(false);
  });

  it('carries both settings into the next draft version', async () => {
    const { course } = await pacedCourse({ sequential: true, minSeconds: [30] });
    await as(trainer).patch(`/api/courses/${course.id}`, { title: 'Phiên bản 2' }).expect(200);
    const draft = await as(trainer).get(`/api/courses/${course.id}/draft`).expect(200);
    expect(draft.body).toMatchObject({ versionStatus: 'draft', sequentialLessons: true });
    expect(draft.body.modules[0].lessons[0].minSeconds).toBe(30);
  });
});
