import { LessonEntity } from '@dx/db';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse, newCode, SAMPLE_FILES, sampleQuestion } from './courses.fixtures';

describe('course authoring', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let trainerA: string;
  let learnerA1: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    trainerA = await t.tokenFor(
      (await t.make.user(tree.a, { roles: ['trainer', 'learner'] })).username,
    );
    learnerA1 = await t.tokenFor((await t.make.user(tree.a1)).username);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', token).send(body),
    get: (url: string) => t.http.get(url).set('Authorization', token),
    del: (url: string) => t.http.delete(url).set('Authorization', token),
  });

  it('authors a course end to end: draft, modules, lessons of each kind, quizzes, publish, catalog', async () => {
    const api = as(trainerA);
    const code = newCode();
    const created = await api
      .post('/api/courses', {
        code: code.toLowerCase(),
        title: '  Chính phủ số và dịch vụ công trực tuyến ',
        description: 'Dịch vụ công trực tuyến toàn trình.',
        hours: 6.5,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      code,
      title: 'Chính phủ số và dịch vụ công trực tuyến',
      status: 'draft',
      version: 1,
      draftVersion: 1,
      hours: 6.5,
      ownerOrgUnitId: tree.a.id,
      publishedAt: null,
    });
    const id = created.body.id;

    const m1 = (
      await api.post(`/api/courses/${id}/modules`, { title: 'Chương 1. Tổng quan' }).expect(201)
    ).body.id;
    const m2 = (
      await api.post(`/api/courses/${id}/modules`, { title: 'Chương 2. Thực hành' }).expect(201)
    ).body.id;
    const text = (
      await api
        .post(`/api/modules/${m1}/lessons`, {
          title: 'Khái niệm chính phủ số',
          kind: 'text',
          content: '# Chính phủ số\n\n- Dữ liệu\n- Dịch vụ',
          durationMinutes: 15,
        })
        .expect(201)
    ).body.id;
    await api
      .post(`/api/modules/${m1}/lessons`, {
        title: 'Video giới thiệu',
        kind: 'video',
        videoUrl: 'https://video.example.gov.vn/gioi-thieu.mp4',
        durationMinutes: 8,
      })
      .expect(201);
    const file = (
      await api
        .post(`/api/modules/${m2}/lessons`, {
          title: 'Tài liệu hướng dẫn',
          kind: 'file',
          durationMinutes: 20,
        })
        .expect(201)
    ).body.id;
    const upload = await t.http
      .post(`/api/lessons/${file}/file`)
      .set('Authorization', trainerA)
      .attach('file', SAMPLE_FILES.pdf, '../../etc/Hướng dẫn.pdf')
      .expect(200);
    expect(upload.body).toEqual({
      id: file,
      fileName: 'Hướng dẫn.pdf',
      fileMime: 'application/pdf',
      size: SAMPLE_FILES.pdf.length,
    });
    const stored = await t.db.getRepository(LessonEntity).findOneByOrFail({ id: file });
    expect(stored.fileKey).toMatch(new RegExp(`^lessons/${file}/[0-9a-f]{32}$`));
    expect(existsSync(join(t.config.storageDir, String(stored.fileKey)))).toBe(true);

    const practice = (
      await api
        .post(`/api/courses/${id}/quizzes`, {
          title: 'Tự kiểm tra chương 1',
          kind: 'practice',
          moduleId: m1,
        })
        .expect(201)
    ).body.id;
    await api.post(`/api/quizzes/${practice}/questions`, sampleQuestion()).expect(201);
    const final = (
      await api
        .post(`/api/courses/${id}/quizzes`, {
          title: 'Kiểm tra cuối khóa',
          kind: 'final',
          passingScore: 70,
          maxAttempts: 3,
        })
        .expect(201)
    ).body.id;
    await api
      .post(`/api/courses/${id}/quizzes`, { title: 'Một bài cuối khóa nữa', kind: 'final' })
      .expect(409);
    await api
      .post(`/api/quizzes/${final}/questions`, {
        type: 'multiple',
        text: 'Những kênh nào cung cấp dịch vụ công trực tuyến?',
        options: [
          { text: 'Cổng Dịch vụ công quốc gia', correct: true },
          { text: 'Cổng dịch vụ công cấp tỉnh', correct: true },
          { text: 'Thư tay', correct: false },
        ],
        explanation: 'Cả hai cổng đều cung cấp dịch vụ công trực tuyến.',
      })
      .expect(201);

    // Not in the catalog while a draft.
    expect(
      (await as(learnerA1).get('/api/courses?pageSize=100').expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).not.toContain(id);
    await as(learnerA1).get(`/api/courses/${id}`).expect(404);

    expect((await api.post(`/api/courses/${id}/publish`).expect(200)).body).toMatchObject({
      status: 'published',
      version: 1,
    });
    await api.post(`/api/courses/${id}/publish`).expect(409);

    const catalog = await as(learnerA1)
      .get(`/api/courses?q=${encodeURIComponent('chinh phu so')}`)
      .expect(200);
    expect(catalog.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'published',
        version: 1,
        draftVersion: null,
        hours: 6.5,
        publishedAt: expect.any(String),
      }),
    ]);
    const outline = await as(learnerA1).get(`/api/courses/${id}`).expect(200);
    expect(outline.body).toMatchObject({
      id,
      title: 'Chính phủ số và dịch vụ công trực tuyến',
      version: 1,
      totalMinutes: 43,
      modules: [
        {
          id: m1,
          title: 'Chương 1. Tổng quan',
          lessons: [
            { id: text, kind: 'text', position: 1 },
            { kind: 'video', position: 2 },
          ],
        },
        { id: m2, lessons: [{ id: file, kind: 'file', durationMinutes: 20 }] },
      ],
      quizzes: [
        { id: practice, kind: 'practice', moduleId: m1, questionCount: 1, passingScore: 50 },
        {
          id: final,
          kind: 'final',
          moduleId: null,
          questionCount: 1,
          passingScore: 70,
          maxAttempts: 3,
        },
      ],
    });
  });

  it('shows trainers the draft with answers and explanations, and nobody else', async () => {
    const course = await authorCourse(t, trainerA, { publish: false });
    const draft = await as(trainerA).get(`/api/courses/${course.id}/draft`).expect(200);
    expect(draft.body).toMatchObject({ versionStatus: 'draft', versionNumber: 1, status: 'draft' });
    expect(draft.body.quizzes[0].questions[0]).toMatchObject({
      id: course.questionIds[0],
      explanation: 'Chuyển đổi số là thay đổi cách làm, không chỉ là công cụ.',
      options: [
        expect.objectContaining({ correct: true }),
        expect.objectContaining({ correct: false }),
      ],
    });
    expect(draft.body.modules[0].lessons[0]).toMatchObject({
      content: expect.stringContaining('chuyển đổi số'),
      hasFile: false,
    });
    await as(learnerA1).get(`/api/courses/${course.id}/draft`).expect(404);
    const trainerB = await t.tokenFor((await t.make.user(tree.b, { roles: ['trainer'] })).username);
    await as(trainerB).get(`/api/courses/${course.id}/draft`).expect(404);
  });

  it('renames, reorders and deletes modules, lessons and questions of the draft', async () => {
    const api = as(trainerA);
    const course = await authorCourse(t, trainerA, { modules: [3, 1], publish: false });
    const [l1, l2, l3] = course.lessonIds;
    await api
      .patch(`/api/lessons/${l3}`, { position: 1, title: 'Bài mở đầu' })
      .expect(200, { id: l3 });
    await api
      .patch(`/api/modules/${course.moduleIds[1]}`, { position: 1, title: 'Chương mở đầu' })
      .expect(200);
    await api.del(`/api/lessons/${l1}`).expect(204);
    await api
      .patch(`/api/questions/${course.questionIds[1]}`, {
        ...sampleQuestion('Câu hỏi đã sửa?'),
        position: 1,
      })
      .expect(200);
    await api.del(`/api/questions/${course.questionIds[0]}`).expect(204);
    await api
      .patch(`/api/quizzes/${course.quizId}`, { passingScore: 80, timeLimitSeconds: 600 })
      .expect(200);
    await api.patch(`/api/quizzes/${course.quizId}`, {}).expect(200);

    const draft = (await api.get(`/api/courses/${course.id}/draft`).expect(200)).body;
    expect(
      draft.modules.map((m: { title: string; position: number }) => [m.position, m.title]),
    ).toEqual([
      [1, 'Chương mở đầu'],
      [2, 'Chương 1'],
    ]);
    expect(
      draft.modules[1].lessons.map((l: { id: string; position: number }) => [l.position, l.id]),
    ).toEqual([
      [1, l3],
      [2, l2],
    ]);
    expect(draft.quizzes[0]).toMatchObject({
      passingScore: 80,
      timeLimitSeconds: 600,
      questionCount: 1,
    });
    expect(draft.quizzes[0].questions).toEqual([
      expect.objectContaining({
        id: course.questionIds[1],
        text: 'Câu hỏi đã sửa?',
        type: 'single',
        position: 1,
      }),
    ]);

    await api.del(`/api/modules/${course.moduleIds[0]}`).expect(204);
    const after = (await api.get(`/api/courses/${course.id}/draft`).expect(200)).body;
    expect(after.modules).toEqual([
      expect.objectContaining({ title: 'Chương mở đầu', position: 1 }),
    ]);
  });

  it('changes course details on the draft and keeps the search text folded', async () => {
    const course = await authorCourse(t, trainerA, { publish: false });
    const res = await as(trainerA)
      .patch(`/api/courses/${course.id}`, { title: 'An toàn thông tin cơ bản', hours: 8 })
      .expect(200);
    expect(res.body).toMatchObject({
      title: 'An toàn thông tin cơ bản',
      hours: 8,
      version: 1,
      draftVersion: 1,
    });
    const [row] = await t.db.query('SELECT search_text FROM course_version WHERE course_id = $1', [
      course.id,
    ]);
    expect(row.search_text).toBe(
      `${res.body.code.toLowerCase()} an toan thong tin co ban khoa hoc thu nghiem.`,
    );
  });
});
