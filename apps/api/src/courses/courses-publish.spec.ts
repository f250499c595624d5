import { CourseVersionEntity, LessonEntity } from '@dx/db';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse, newCode, SAMPLE_FILES, sampleQuestion } from './courses.fixtures';

describe('publishing and versions', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  const post = (url: string, body: object = {}) =>
    t.http.post(url).set('Authorization', trainer).send(body);
  const patch = (url: string, body: object) =>
    t.http.patch(url).set('Authorization', trainer).send(body);
  const outline = (token: string, id: string) =>
    t.http
      .get(`/api/courses/${id}`)
      .set('Authorization', token)
      .expect(200)
      .then((r) => r.body);

  async function enrol(userId: string, courseId: string) {
    const [{ id: versionId }] = await t.db.query(
      'SELECT published_version_id AS id FROM course WHERE id = $1',
      [courseId],
    );
    await t.db.query(
      'INSERT INTO enrollment (user_id, course_id, course_version_id, year) VALUES ($1, $2, $3, 2026)',
      [userId, courseId, versionId],
    );
  }

  describe('refuses to publish, with the reason in message and errors', () => {
    async function refusal(
      id: string,
      reason: RegExp,
      field: RegExp,
      code: string,
      params?: object,
    ) {
      const res = await post(`/api/courses/${id}/publish`).expect(400);
      expect(res.body.code).toBe('not_publishable');
      expect(res.body.message).toMatch(/^Cannot publish: /);
      expect(res.body.message).toMatch(reason);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: expect.stringMatching(field),
            message: expect.stringMatching(reason),
            code,
            ...(params && { params }),
          },
        ]),
      );
    }

    it('a course without any lesson', async () => {
      const id = (
        await post('/api/courses', { code: newCode(), title: 'Khóa học rỗng', hours: 2 }).expect(
          201,
        )
      ).body.id;
      await refusal(id, /The course has no lesson/, /^lessons$/, 'publish_no_lesson');
      await post(`/api/courses/${id}/modules`, { title: 'Chương trống' }).expect(201);
      await refusal(id, /The course has no lesson/, /^lessons$/, 'publish_no_lesson');
    });

    it('a module without lessons', async () => {
      const course = await authorCourse(t, trainer, { modules: [1], publish: false });
      const empty = (
        await post(`/api/courses/${course.id}/modules`, { title: 'Chương chưa soạn' }).expect(201)
      ).body.id;
      await refusal(
        course.id,
        /Module "Chương chưa soạn" has no lesson/,
        new RegExp(`^modules.${empty}$`),
        'publish_empty_module',
        { title: 'Chương chưa soạn' },
      );
    });

    it('a text lesson without content (written by other means than the API)', async () => {
      const course = await authorCourse(t, trainer, { publish: false });
      await t.db.query(`UPDATE lesson SET content = '  ' WHERE id = $1`, [course.lessonIds[1]]);
      await refusal(
        course.id,
        /Text lesson "Bài 1.2" has no content/,
        /\.content$/,
        'publish_text_no_content',
        {
          title: 'Bài 1.2',
        },
      );
    });

    it('a file lesson whose file was never uploaded', async () => {
      const course = await authorCourse(t, trainer, { publish: false });
      await post(`/api/modules/${course.moduleIds[0]}/lessons`, {
        title: 'Tài liệu PDF',
        kind: 'file',
        durationMinutes: 5,
      }).expect(201);
      await refusal(
        course.id,
        /File lesson "Tài liệu PDF" has no file uploaded/,
        /\.file$/,
        'publish_file_missing',
        { title: 'Tài liệu PDF' },
      );
    });

    it('a quiz without questions, or with fewer than it draws per attempt', async () => {
      const course = await authorCourse(t, trainer, { publish: false });
      const practice = (
        await post(`/api/courses/${course.id}/quizzes`, {
          title: 'Ôn tập',
          kind: 'practice',
        }).expect(201)
      ).body.id;
      await refusal(
        course.id,
        /Quiz "Ôn tập" has no question/,
        new RegExp(`^quizzes.${practice}.questions$`),
        'publish_quiz_no_question',
        { title: 'Ôn tập' },
      );
      await post(`/api/quizzes/${practice}/questions`, sampleQuestion()).expect(201);
      await patch(`/api/quizzes/${course.quizId}`, { questionsPerAttempt: 5 }).expect(200);
      await refusal(
        course.id,
        /Quiz "Kiểm tra cuối khóa" has 2 question\(s\) but draws 5 per attempt/,
        /questions$/,
        'publish_quiz_too_few_questions',
        { title: 'Kiểm tra cuối khóa', count: 2, perAttempt: 5 },
      );
      // A final certifies: its pool must hold twice what an attempt draws (warning below 3×).
      await patch(`/api/quizzes/${course.quizId}`, { questionsPerAttempt: 2 }).expect(200);
      await refusal(
        course.id,
        /Final quiz "Kiểm tra cuối khóa" draws 2 of 2 questions; its pool must hold at least 4/,
        new RegExp(`^quizzes.${course.quizId}.pool$`),
        'publish_final_pool_too_small',
        { title: 'Kiểm tra cuối khóa', pool: 2, perAttempt: 2, least: 4 },
      );
      await patch(`/api/quizzes/${course.quizId}`, { questionsPerAttempt: 1 }).expect(200);
      await post(`/api/courses/${course.id}/publish`).expect(200, {
        status: 'published',
        version: 1,
        warnings: [
          {
            field: `quizzes.${course.quizId}.pool`,
            message:
              'Final quiz "Kiểm tra cuối khóa" draws 1 of 2 questions; 3 or more keep attempts apart',
            code: 'publish_final_pool_small',
            params: { title: 'Kiểm tra cuối khóa', pool: 2, perAttempt: 1, advised: 3 },
          },
        ],
      });
    });

    it('warns, without refusing, about a final that shows its whole bank on every attempt', async () => {
      const course = await authorCourse(t, trainer, { publish: false });
      const res = await post(`/api/courses/${course.id}/publish`).expect(200);
      expect(res.body.warnings).toEqual([
        {
          field: `quizzes.${course.quizId}.pool`,
          message: expect.stringMatching(/shows all 2 questions on every attempt/),
          code: 'publish_final_whole_bank',
          params: { title: 'Kiểm tra cuối khóa', pool: 2, most: 1 },
        },
      ]);
    });
  });

  it('edits of a published course go to a copied draft; enrolled learners keep their version', async () => {
    const course = await authorCourse(t, trainer, {
      title: 'Dữ liệu số và khai thác dữ liệu',
      modules: [2, 1],
    });
    const early = await t.make.user(tree.a1);
    await enrol(early.id, course.id);
    const earlyToken = await t.tokenFor(early.username);
    const lateToken = await t.tokenFor((await t.make.user(tree.a1)).username);
    const v1 = await outline(lateToken, course.id);

    const patched = await patch(`/api/courses/${course.id}`, {
      title: 'Dữ liệu số (cập nhật 2026)',
    }).expect(200);
    expect(patched.body).toMatchObject({
      status: 'published',
      version: 1,
      draftVersion: 2,
      title: 'Dữ liệu số (cập nhật 2026)',
    });

    // The whole content was copied: new ids, same keys, same answers.
    const shape = (versionId: string) =>
      t.db.query(
        `SELECT m.key AS module, l.key AS lesson, l.content FROM course_module m JOIN lesson l ON l.module_id = m.id
          WHERE m.course_version_id = $1 ORDER BY m.position, l.position`,
        [versionId],
      );
    const answers = (versionId: string) =>
      t.db.query(
        `SELECT x.key, x.text, x.explanation, o.position, o.text AS option, o.correct
           FROM quiz q JOIN question x ON x.quiz_id = q.id JOIN question_option o ON o.question_id = x.id
          WHERE q.course_version_id = $1 ORDER BY x.position, o.position`,
        [versionId],
      );
    const v2 = await t.db
      .getRepository(CourseVersionEntity)
      .findOneByOrFail({ courseId: course.id, version: 2 });
    expect(v2.status).toBe('draft');
    expect(await shape(v2.id)).toEqual(await shape(v1.versionId));
    expect(await answers(v2.id)).toEqual(await answers(v1.versionId));
    expect((await answers(v2.id)).length).toBe(4);

    // An id of the published version is followed into the draft by its key.
    const added = (
      await post(`/api/modules/${course.moduleIds[0]}/lessons`, {
        title: 'Bài mới của phiên bản 2',
        kind: 'text',
        content: 'Nội dung mới.',
        durationMinutes: 5,
      }).expect(201)
    ).body.id;
    const addedLesson = await t.db.getRepository(LessonEntity).findOneByOrFail({ id: added });
    expect(addedLesson.courseVersionId).toBe(v2.id);
    const edited = (
      await patch(`/api/lessons/${course.lessonIds[0]}`, { title: 'Bài 1.1 (sửa)' }).expect(200)
    ).body.id;
    expect(edited).not.toBe(course.lessonIds[0]);
    expect(
      (await t.db.getRepository(LessonEntity).findOneByOrFail({ id: course.lessonIds[0] })).title,
    ).toBe('Bài 1.1');

    // Until v2 is published everyone sees v1.
    for (const token of [earlyToken, lateToken]) {
      expect(await outline(token, course.id)).toMatchObject({
        version: 1,
        versionId: v1.versionId,
        title: 'Dữ liệu số và khai thác dữ liệu',
      });
    }
    expect((await post(`/api/courses/${course.id}/publish`).expect(200)).body).toMatchObject({
      status: 'published',
      version: 2,
    });

    expect(await outline(earlyToken, course.id)).toMatchObject({
      version: 1,
      versionId: v1.versionId,
    });
    const late = await outline(lateToken, course.id);
    expect(late).toMatchObject({
      version: 2,
      versionId: v2.id,
      title: 'Dữ liệu số (cập nhật 2026)',
    });
    expect(late.modules[0].lessons.map((l: { title: string }) => l.title)).toEqual([
      'Bài 1.1 (sửa)',
      'Bài 1.2',
      'Bài mới của phiên bản 2',
    ]);
    const versions = await t.db
      .getRepository(CourseVersionEntity)
      .find({ where: { courseId: course.id }, order: { version: 'ASC' } });
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'published']);

    // With no draft open, the editor shows the published version.
    const draft = await t.http
      .get(`/api/courses/${course.id}/draft`)
      .set('Authorization', trainer)
      .expect(200);
    expect(draft.body).toMatchObject({
      versionStatus: 'published',
      versionNumber: 2,
      draftVersion: null,
    });
  });

  it('opens exactly one draft when several first edits arrive at once', async () => {
    const course = await authorCourse(t, trainer);
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        patch(`/api/courses/${course.id}`, { description: `Mô tả lần ${n}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await t.db.getRepository(CourseVersionEntity).countBy({ courseId: course.id })).toBe(2);
  });

  it('keeps the published file when the draft replaces it, and deletes files nobody uses', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const lesson = (
      await post(`/api/modules/${course.moduleIds[0]}/lessons`, {
        title: 'Slide bài giảng',
        kind: 'file',
        durationMinutes: 10,
      }).expect(201)
    ).body.id;
    const upload = (id: string, file: Buffer, name: string) =>
      t.http
        .post(`/api/lessons/${id}/file`)
        .set('Authorization', trainer)
        .attach('file', file, name)
        .expect(200);
    const keyOf = async (id: string) =>
      (await t.db.getRepository(LessonEntity).findOneByOrFail({ id })).fileKey ?? 'none';
    const onDisk = (key: string) => existsSync(join(t.config.storageDir, key));

    await upload(lesson, SAMPLE_FILES.docx, 'nhap.docx');
    const first = await keyOf(lesson);
    await upload(lesson, SAMPLE_FILES.pptx, 'slide.pptx');
    const published = await keyOf(lesson);
    expect(onDisk(first)).toBe(false); // replaced inside the draft, used by nobody
    await post(`/api/courses/${course.id}/publish`).expect(200);

    const res = await upload(lesson, SAMPLE_FILES.pdf, 'slide.pdf');
    expect(res.body.id).not.toBe(lesson); // landed on the draft copy
    expect(onDisk(published)).toBe(true); // still the published version's file
    expect(await keyOf(res.body.id)).not.toBe(published);
    expect((await t.db.getRepository(LessonEntity).findOneByOrFail({ id: lesson })).fileMime).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
  });
});
