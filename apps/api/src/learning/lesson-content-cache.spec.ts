import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { ChangeFeed } from '../cache/change-feed.service';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

/**
 * Lessons of published versions are served from memory (rendered once per process), and the
 * per-learner part of a read is one statement that writes only when the resume point moves.
 * On a database of its own, like the catalog cache's spec: other spec files' writes would
 * notify this app and drop the cache at the wrong moment.
 */
describe('lesson content cache', () => {
  let databaseUrl: string;
  let t: TestApp;
  let learner: string;
  let built: BuiltCourse;
  let enrollmentId: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_test_lessons');
    t = await createTestApp({ DATABASE_URL: databaseUrl });
    const unit = await t.make.unit(null, 'Sở Nội vụ');
    learner = await t.tokenFor((await t.make.user(unit)).username);
    built = await buildCourse(t.db, { owner: unit, modules: [2] });
    const res = await t.http
      .post(`/api/courses/${built.course.id}/enroll`)
      .set('Authorization', learner)
      .expect(201);
    enrollmentId = res.body.enrollmentId;
  });
  afterAll(async () => {
    await t?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const read = (lessonId: string, etag?: string) => {
    const req = t.http.get(`/api/lessons/${lessonId}`).set('Authorization', learner);
    return etag ? req.set('If-None-Match', etag) : req;
  };
  const eventually = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the change never showed');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('renders a published lesson once and serves it from memory until a change is notified', async () => {
    await eventually(async () => t.app.get(ChangeFeed).isLive());
    const [lesson] = built.lessons;
    const first = await read(lesson.id).expect(200);
    expect(first.body.contentHtml).toContain('<strong>chuyển đổi số</strong>');

    // Behind the API's back and with triggers off: nothing is notified.
    await t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE lesson SET content = '# Đã sửa' WHERE id = $1`, [lesson.id]);
    });
    expect((await read(lesson.id).expect(200)).body.contentHtml).toBe(first.body.contentHtml);

    await t.db.query(`SELECT pg_notify('dx_changes', 'catalog')`);
    await eventually(async () =>
      (await read(lesson.id).expect(200)).body.contentHtml.includes('Đã sửa'),
    );
  });

  it('answers 304 to a matching ETag, and the read flag is the caller’s own', async () => {
    const [, lesson] = built.lessons;
    const unread = await read(lesson.id).expect(200);
    expect(unread.body.completed).toBe(false);
    await read(lesson.id, unread.headers.etag).expect(304);

    await t.http
      .post(`/api/lessons/${lesson.id}/complete`)
      .set('Authorization', learner)
      .expect(200);
    const done = await read(lesson.id, unread.headers.etag).expect(200);
    expect(done.body.completed).toBe(true);
    expect(done.headers.etag).not.toBe(unread.headers.etag);
  });

  it('writes the resume point only when it moves', async () => {
    const [l1, l2] = built.lessons;
    const activity = async () =>
      (
        await t.db.query(`SELECT last_lesson_id, updated_at FROM enrollment WHERE id = $1`, [
          enrollmentId,
        ])
      )[0] as { last_lesson_id: string; updated_at: Date };

    await read(l1.id).expect(200);
    const before = await activity();
    expect(before.last_lesson_id).toBe(l1.id);
    await read(l1.id).expect(200);
    expect((await activity()).updated_at).toEqual(before.updated_at); // nothing written

    await read(l2.id).expect(200);
    const after = await activity();
    expect(after.last_lesson_id).toBe(l2.id);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  });

  it('finds no lesson for a learner who is not enrolled in its version', async () => {
    const unit = await t.make.unit(null, 'Sở Tài chính');
    const stranger = await t.tokenFor((await t.make.user(unit)).username);
    await t.http
      .get(`/api/lessons/${built.lessons[0].id}`)
      .set('Authorization', stranger)
      .expect(404);
  });
});
