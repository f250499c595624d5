import { AuditLogEntity, CourseEntity, LessonEntity } from '@dx/db';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse, SAMPLE_FILES } from './courses.fixtures';

describe('draft tools: discard, markdown preview', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let trainer: string;
  let outsider: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
    outsider = await t.tokenFor((await t.make.user(tree.b, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', token).send(body),
    get: (url: string) => t.http.get(url).set('Authorization', token),
    del: (url: string) => t.http.delete(url).set('Authorization', token),
  });
  const api = () => as(trainer);

  it('goes back to the published version, drops the draft content and its own files, and audits', async () => {
    const course = await authorCourse(t, trainer, { title: 'An toàn thông tin cơ bản' });
    await api().patch(`/api/courses/${course.id}`, { title: 'Bản nháp bỏ đi' }).expect(200);
    const added = (
      await api()
        .post(`/api/modules/${course.moduleIds[0]}/lessons`, {
          title: 'Tài liệu nháp',
          kind: 'file',
          durationMinutes: 5,
        })
        .expect(201)
    ).body.id;
    await t.http
      .post(`/api/lessons/${added}/file`)
      .set('Authorization', trainer)
      .attach('file', SAMPLE_FILES.pdf, 'nhap.pdf')
      .expect(200);
    const draftFile = (await t.db.getRepository(LessonEntity).findOneByOrFail({ id: added }))
      .fileKey as string;
    expect(existsSync(join(t.config.storageDir, draftFile))).toBe(true);
    const { draftVersionId } = await t.db
      .getRepository(CourseEntity)
      .findOneByOrFail({ id: course.id });

    await api().del(`/api/courses/${course.id}/draft`).expect(204);

    const after = await api().get(`/api/courses/${course.id}/draft`).expect(200);
    expect(after.body).toMatchObject({
      title: 'An toàn thông tin cơ bản',
      versionStatus: 'published',
      versionNumber: 1,
      draftVersion: null,
    });
    const rows = await t.db.query(
      'SELECT count(*)::int AS n FROM lesson WHERE course_version_id = $1',
      [draftVersionId],
    );
    expect(rows[0].n).toBe(0);
    expect(existsSync(join(t.config.storageDir, draftFile))).toBe(false);
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneBy({ action: 'course.draft_discarded', targetId: course.id });
    expect(audit).not.toBeNull();

    // The next edit opens a new draft numbered after the published version again.
    const reopened = await api()
      .patch(`/api/courses/${course.id}`, { title: 'Bản nháp mới' })
      .expect(200);
    expect(reopened.body).toMatchObject({ version: 1, draftVersion: 2 });
  });

  it('is a no-op without a draft, 409 for a course never published, 404 outside the scope', async () => {
    const published = await authorCourse(t, trainer);
    await api().del(`/api/courses/${published.id}/draft`).expect(204);

    const unpublished = await authorCourse(t, trainer, { publish: false });
    await api().del(`/api/courses/${unpublished.id}/draft`).expect(409);
    await api().get(`/api/courses/${unpublished.id}/draft`).expect(200);

    await api().patch(`/api/courses/${published.id}`, { title: 'Nháp' }).expect(200);
    await as(outsider).del(`/api/courses/${published.id}/draft`).expect(404);
    const draft = await api().get(`/api/courses/${published.id}/draft`).expect(200);
    expect(draft.body).toMatchObject({ versionStatus: 'draft', draftVersion: 2 });
  });

  it('renders a markdown preview as learners will see it, scripts removed', async () => {
    const res = await api()
      .post('/api/courses/markdown-preview', {
        content: '# Chính phủ số\n\n**Dữ liệu** mở <script>alert(1)</script>',
      })
      .expect(200);
    // Headings shift one level down under the lesson's own title, as on the learner's page.
    expect(res.body.html).toContain('<h2>Chính phủ số</h2>');
    expect(res.body.html).toContain('<strong>Dữ liệu</strong>');
    expect(res.body.html).not.toContain('<script');
    await api().post('/api/courses/markdown-preview', { content: 42 }).expect(400);
  });
});
