import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse } from './courses.fixtures';

describe('quiz answer-reveal policy in authoring', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { a } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  const post = (url: string, body: object) =>
    t.http.post(url).set('Authorization', trainer).send(body);
  const patch = (url: string, body: object) =>
    t.http.patch(url).set('Authorization', trainer).send(body);

  async function policies(courseId: string): Promise<Record<string, string>> {
    const draft = await t.http
      .get(`/api/courses/${courseId}/draft`)
      .set('Authorization', trainer)
      .expect(200);
    return Object.fromEntries(
      draft.body.quizzes.map((q: { title: string; reviewPolicy: string }) => [
        q.title,
        q.reviewPolicy,
      ]),
    );
  }

  it('defaults by kind, takes an explicit policy, resets it when the kind changes, refuses unknown ones', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const practice = (
      await post(`/api/courses/${course.id}/quizzes`, { title: 'Luyện tập', kind: 'practice' })
    ).body.id;
    expect(await policies(course.id)).toEqual({
      'Kiểm tra cuối khóa': 'after_passing',
      'Luyện tập': 'immediately',
    });

    await patch(`/api/quizzes/${course.quizId}`, { reviewPolicy: 'after_last_attempt' }).expect(
      200,
    );
    // Same kind again: the chosen policy stays.
    await patch(`/api/quizzes/${course.quizId}`, { kind: 'final' }).expect(200);
    expect((await policies(course.id))['Kiểm tra cuối khóa']).toBe('after_last_attempt');

    // A practice quiz turned final must not keep showing answers at once.
    await patch(`/api/quizzes/${course.quizId}`, { kind: 'practice' }).expect(200);
    await patch(`/api/quizzes/${practice}`, { kind: 'final' }).expect(200);
    expect(await policies(course.id)).toEqual({
      'Kiểm tra cuối khóa': 'immediately',
      'Luyện tập': 'after_passing',
    });

    for (const reviewPolicy of ['sometimes', null, 3]) {
      const res = await patch(`/api/quizzes/${practice}`, { reviewPolicy }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reviewPolicy');
    }
    const created = await post(`/api/courses/${course.id}/quizzes`, {
      title: 'Thi thử',
      kind: 'practice',
      reviewPolicy: 'never',
    }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    expect((await policies(course.id))['Thi thử']).toBe('never');
  });
});
