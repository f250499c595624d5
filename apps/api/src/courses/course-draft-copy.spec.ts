import { CourseEntity, CourseModuleEntity, LessonEntity } from '@dx/db';
import { columnsOf, ownColumns, Row, unfilledColumns } from '../test/copied-rows';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse } from './courses.fixtures';

/**
 * A new draft copies every column of its modules and lessons (the copy reads them from the
 * entities). The source rows are filled in every column, and the spec refuses one left null,
 * so a column added later must be given a value here and is then checked like the others.
 */
describe('draft copy of modules and lessons', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const tree = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  /** The links a copied module or lesson points at the draft (the id aside). */
  const LINKS = ['course_version_id', 'module_id', 'module_key'];

  it('keeps every column, with new ids, in the draft version and its modules', async () => {
    const course = await authorCourse(t, trainer, { modules: [2, 1] });
    const { publishedVersionId: source } = await t.db
      .getRepository(CourseEntity)
      .findOneByOrFail({ id: course.id });
    await t.db.query(
      `UPDATE lesson SET kind = 'file', content = 'Ghi chú ' || position, video_url = 'https://video.example/' || position,
                         file_key = 'lessons/' || position || '.pdf', file_name = 'bai-' || position || '.pdf',
                         file_mime = 'application/pdf', duration_minutes = 7 * position, min_seconds = 90
        WHERE course_version_id = $1`,
      [source],
    );

    await t.http
      .patch(`/api/courses/${course.id}`)
      .set('Authorization', trainer)
      .send({ title: 'Bản nháp để chép' })
      .expect(200);
    const { draftVersionId: draft } = await t.db
      .getRepository(CourseEntity)
      .findOneByOrFail({ id: course.id });

    const modules = (version: string | null): Promise<Row[]> =>
      t.db.query('SELECT * FROM course_module WHERE course_version_id = $1 ORDER BY key', [
        version,
      ]);
    const lessons = (version: string | null): Promise<Row[]> =>
      t.db.query(
        `SELECT l.*, m.key AS module_key FROM lesson l JOIN course_module m ON m.id = l.module_id
          WHERE l.course_version_id = $1 ORDER BY l.key`,
        [version],
      );
    const [fromModules, toModules] = [await modules(source), await modules(draft)];
    const [fromLessons, toLessons] = [await lessons(source), await lessons(draft)];

    expect(Object.keys(fromModules[0]).sort()).toEqual(columnsOf(t.db, CourseModuleEntity));
    expect(
      Object.keys(fromLessons[0])
        .filter((c) => c !== 'module_key')
        .sort(),
    ).toEqual(columnsOf(t.db, LessonEntity));
    expect([
      ...unfilledColumns('course_module', fromModules),
      ...unfilledColumns('lesson', fromLessons),
    ]).toEqual([]);
    expect(fromLessons).toHaveLength(3);

    const own = (row: Row) => ownColumns(row, LINKS);
    expect(toModules.map(own)).toEqual(fromModules.map(own));
    expect(toLessons.map(own)).toEqual(fromLessons.map(own));
    // Each copied lesson hangs off the draft's module of the same key, in the draft.
    expect(toLessons.map((l) => l.module_key)).toEqual(fromLessons.map((l) => l.module_key));
    const draftModuleIds = toModules.map((m) => m.id);
    expect(toLessons.every((l) => draftModuleIds.includes(l.module_id))).toBe(true);
    expect(toLessons.every((l) => l.course_version_id === draft)).toBe(true);
    expect(toLessons.some((l) => fromLessons.some((f) => f.id === l.id))).toBe(false);
  });
});
