import {
  CourseModuleEntity,
  CourseVersionEntity,
  EnrollmentEntity,
  LessonCompletionEntity,
  LessonEntity,
} from '@dx/db';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Repository } from 'typeorm';
import { ChangeFeed } from '../cache/change-feed.service';
import { dirname, join } from 'node:path';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { LessonReadChecks } from './lesson-read-checks';

describe('lessons', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let learner: string;
  let built: BuiltCourse;
  let enrollmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    learner = await t.tokenFor((await t.make.user(units.a1)).username);
    // Two modules of 2 and 1 lessons, plus a second version with lessons of its own.
    built = await buildCourse(t.db, { owner: units.a, modules: [2, 1] });
    const res = await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', learner)
      .expect(201);
    enrollmentId = res.body.enrollmentId;
  });
  afterAll(() => t.close());

  /**
   * Published lessons never change in the app, so their content is served from memory: a
   * spec that rewrites one behind the API's back says so, as an operator's change would.
   */
  const changePublishedLesson = async (...args: Parameters<Repository<LessonEntity>['update']>) => {
    await t.db.getRepository(LessonEntity).update(...args);
    t.app.get(ChangeFeed).announce('catalog');
  };

  it('serves lesson content in course order to an enrolled learner and records where they are', async () => {
    const [l11, l12, l21] = built.lessons;
    const res = await t.http
      .get(`/api/lessons/${l12.id}`)
      .set('Authorization', learner)
      .expect(200);
    expect(res.body).toEqual({
      id: l12.id,
      courseId: built.course.id,
      moduleId: built.modules[0].id,
      title: 'Bài 1.2',
      kind: 'text',
      contentHtml: '<h2>Bài 1.2</h2>\n<p>Nội dung <strong>chuyển đổi số</strong>.</p>\n',
      videoUrl: null,
      fileUrl: null,
      fileName: null,
      durationMinutes: 10,
      minSeconds: 0,
      previousLessonId: l11.id,
      nextLessonId: l21.id,
      completed: false,
    });
    const first = await t.http
      .get(`/api/lessons/${l11.id}`)
      .set('Authorization', learner)
      .expect(200);
    expect(first.body).toMatchObject({ previousLessonId: null, nextLessonId: l12.id });
    const last = await t.http
      .get(`/api/lessons/${l21.id}`)
      .set('Authorization', learner)
      .expect(200);
    expect(last.body).toMatchObject({ previousLessonId: l12.id, nextLessonId: null });
    const enrollment = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: enrollmentId });
    expect(enrollment.lastLessonId).toBe(l21.id);
  });

  it('hides lessons (404) from people not enrolled and lessons of another version', async () => {
    const stranger = await t.tokenFor((await t.make.user(units.a1)).username);
    await t.http
      .get(`/api/lessons/${built.lessons[0].id}`)
      .set('Authorization', stranger)
      .expect(404);
    await t.http
      .post(`/api/lessons/${built.lessons[0].id}/complete`)
      .set('Authorization', stranger)
      .expect(404);

    // Version 2 of the same course, created directly: the learner is pinned to version 1.
    const v2 = await t.db
      .getRepository(CourseVersionEntity)
      .save({ courseId: built.course.id, version: 2, status: 'draft', title: 'Bản 2', hours: 4 });
    const v2Module = await t.db
      .getRepository(CourseModuleEntity)
      .save({ courseVersionId: v2.id, key: built.modules[0].key, position: 1, title: 'Chương 1' });
    const v2Lesson = await t.db.getRepository(LessonEntity).save({
      moduleId: v2Module.id,
      courseVersionId: v2.id,
      key: built.lessons[0].key,
      position: 1,
      title: 'Bài 1.1 (bản 2)',
      kind: 'text',
      content: 'Mới',
    });
    await t.http.get(`/api/lessons/${v2Lesson.id}`).set('Authorization', learner).expect(404);
    await t.http
      .post(`/api/lessons/${v2Lesson.id}/complete`)
      .set('Authorization', learner)
      .expect(404);
    await t.http
      .get('/api/lessons/00000000-0000-4000-8000-000000000000')
      .set('Authorization', learner)
      .expect(404);
    await t.http.get('/api/lessons/nope').set('Authorization', learner).expect(400);
  });

  it('sanitises lesson markdown: no script, event handler, javascript: link or iframe reaches the learner', async () => {
    const lesson = built.lessons[2];
    await changePublishedLesson(
      { id: lesson.id },
      {
        content: [
          '## Bài đọc',
          '<script>alert("xss")</script>',
          '<img src="https://x.vn/a.png" onerror="alert(1)">',
          '[Bấm đây](javascript:alert(1))',
          '<iframe src="https://evil.example"></iframe>',
          '[Cổng dịch vụ công](https://dichvucong.gov.vn)',
        ].join('\n\n'),
        videoUrl: 'javascript:alert(1)',
      },
    );
    const res = await t.http
      .get(`/api/lessons/${lesson.id}`)
      .set('Authorization', learner)
      .expect(200);
    expect(res.body.contentHtml).not.toMatch(/script|onerror|javascript|iframe|alert/i);
    expect(res.body.contentHtml).toContain('<h3>Bài đọc</h3>');
    expect(res.body.contentHtml).toContain(
      '<a href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer">Cổng dịch vụ công</a>',
    );
    expect(res.body.videoUrl).toBeNull();
  });

  it('completes lessons idempotently and reports progress', async () => {
    const [l11, l12, l21] = built.lessons;
    const one = await t.http
      .post(`/api/lessons/${l11.id}/complete`)
      .set('Authorization', learner)
      .expect(200);
    expect(one.body).toEqual({ progress: 33, courseCompleted: false });
    const twice = await t.http
      .post(`/api/lessons/${l11.id}/complete`)
      .set('Authorization', learner)
      .expect(200);
    expect(twice.body).toEqual({ progress: 33, courseCompleted: false });
    expect(
      await t.db.getRepository(LessonCompletionEntity).countBy({ enrollmentId, lessonId: l11.id }),
    ).toBe(1);

    const content = await t.http
      .get(`/api/lessons/${l11.id}`)
      .set('Authorization', learner)
      .expect(200);
    expect(content.body.completed).toBe(true);

    // Parallel completions of the other two lessons: both counted, the course completes once.
    const [a, b] = await Promise.all(
      [l12, l21].map((l) =>
        t.http.post(`/api/lessons/${l.id}/complete`).set('Authorization', learner),
      ),
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.progress, b.body.progress].sort()).toEqual([100, 66]);
    expect([a.body.courseCompleted, b.body.courseCompleted].filter(Boolean)).toHaveLength(1);
    const enrollment = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: enrollmentId });
    expect(enrollment).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('checks the reads of one moment in one statement: each caller its own answer, the resume point at the latest read', async () => {
    const [l11, l12, l21] = built.lessons;
    const { userId: me } = await t.db
      .getRepository(EnrollmentEntity)
      .findOneByOrFail({ id: enrollmentId });
    const fresh = await t.make.user(units.a1);
    await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', await t.tokenFor(fresh.username))
      .expect(201);
    const stranger = await t.make.user(units.a1);
    const checks = t.app.get(LessonReadChecks);
    const ask = (userId: string, lesson: LessonEntity) =>
      checks.check({
        userId,
        courseId: built.course.id,
        courseVersionId: lesson.courseVersionId,
        lessonId: lesson.id,
      });
    const connections = jest.spyOn(t.db, 'createQueryRunner');
    // Asked in one turn of the event loop, as concurrent requests are.
    const answers = await Promise.all([
      ask(me, l11),
      ask(fresh.id, l21),
      ask(stranger.id, l11),
      ask(fresh.id, l12),
      ask(me, l21),
    ]);
    expect(connections).toHaveBeenCalledTimes(1);
    connections.mockRestore();
    // Read by this learner (completed above), not yet by the new one, nothing for a stranger.
    expect(answers).toEqual([true, false, null, false, true]);
    const resumeAt = async (userId: string) =>
      (
        await t.db
          .getRepository(EnrollmentEntity)
          .findOneByOrFail({ userId, courseId: built.course.id })
      ).lastLessonId;
    expect(await resumeAt(fresh.id)).toBe(l12.id);
    expect(await resumeAt(me)).toBe(l21.id);
  });

  describe('attached files', () => {
    let lesson: LessonEntity;
    const key = `lessons/${Date.now()}/tai-lieu`;

    beforeAll(async () => {
      lesson = built.lessons[1];
      const path = join(t.config.storageDir, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, '%PDF-1.7 tài liệu');
      await changePublishedLesson(
        { id: lesson.id },
        {
          kind: 'file',
          fileKey: key,
          fileName: 'Tài liệu "CĐS".pdf',
          fileMime: 'application/pdf',
        },
      );
    });

    it('links the file from the lesson and streams it as an attachment with its UTF-8 name', async () => {
      const content = await t.http
        .get(`/api/lessons/${lesson.id}`)
        .set('Authorization', learner)
        .expect(200);
      expect(content.body).toMatchObject({
        fileUrl: `/api/lessons/${lesson.id}/file`,
        fileName: 'Tài liệu "CĐS".pdf',
      });

      const res = await t.http
        .get(`/api/lessons/${lesson.id}/file`)
        .set('Authorization', learner)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Tai lieu _CDS_.pdf"; filename*=UTF-8''${encodeURIComponent('Tài liệu "CĐS".pdf')}`,
      );
      expect((res.body as Buffer).toString()).toBe('%PDF-1.7 tài liệu');
    });

    it('lets a trainer in scope download, and nobody else', async () => {
      const trainer = await t.tokenFor(
        (await t.make.user(units.root, { roles: ['trainer'] })).username,
      );
      await t.http.get(`/api/lessons/${lesson.id}/file`).set('Authorization', trainer).expect(200);
      const otherTrainer = await t.tokenFor(
        (await t.make.user(units.b, { roles: ['trainer'] })).username,
      );
      await t.http
        .get(`/api/lessons/${lesson.id}/file`)
        .set('Authorization', otherTrainer)
        .expect(404);
      const stranger = await t.tokenFor((await t.make.user(units.a1)).username);
      await t.http.get(`/api/lessons/${lesson.id}/file`).set('Authorization', stranger).expect(404);
    });

    it('answers 404 for a lesson without a file and a file missing from storage', async () => {
      await t.http
        .get(`/api/lessons/${built.lessons[0].id}/file`)
        .set('Authorization', learner)
        .expect(404);
      await t.db
        .getRepository(LessonEntity)
        .update({ id: lesson.id }, { fileKey: 'lessons/missing/nothing' });
      await t.http.get(`/api/lessons/${lesson.id}/file`).set('Authorization', learner).expect(404);
      await t.db.getRepository(LessonEntity).update({ id: lesson.id }, { fileKey: key });
    });
  });
});
