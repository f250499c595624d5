import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse, newCode } from './courses.fixtures';

describe('catalog, visibility and scope', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: string;
  let trainerA: string;
  let trainerA1: string;
  let trainerB: string;
  let learnerA1: string;
  let learnerB1: string;
  let learnerA: string;
  const courses: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    const token = async (
      unit: keyof typeof tree,
      roles: ('trainer' | 'learner' | 'sysadmin')[] = ['learner'],
    ) => t.tokenFor((await t.make.user(tree[unit], { roles })).username);
    [admin, trainerA, trainerA1, trainerB, learnerA1, learnerB1, learnerA] = await Promise.all([
      token('root', ['sysadmin']),
      token('a', ['trainer']),
      token('a1', ['trainer']),
      token('b', ['trainer']),
      token('a1'),
      token('b1'),
      token('a'),
    ]);
    // A course of the root (everyone below sees it), one of province A, one of its commune.
    courses.root = (
      await authorCourse(t, admin, {
        ownerOrgUnitId: tree.root.id,
        title: 'Chuyển đổi số cơ bản',
        description: 'Nhận thức chung.',
      })
    ).id;
    courses.a = (
      await authorCourse(t, trainerA, { title: 'An toàn thông tin và an ninh mạng cơ bản' })
    ).id;
    courses.a1 = (await authorCourse(t, trainerA1, { title: 'Kỹ năng số thiết yếu' })).id;
    courses.draftA = (
      await authorCourse(t, trainerA, { title: 'Khóa học đang soạn', publish: false })
    ).id;
  });
  afterAll(() => t.close());

  const list = (token: string, query = '') =>
    t.http
      .get(`/api/courses?pageSize=100${query}`)
      .set('Authorization', token)
      .expect(200)
      .then((r) => r.body);
  const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();

  it('shows learners the published courses of their unit and its ancestors, never a sibling or child', async () => {
    expect(ids(await list(learnerA1))).toEqual([courses.root, courses.a, courses.a1].sort());
    expect(ids(await list(learnerA))).toEqual([courses.root, courses.a].sort());
    expect(ids(await list(learnerB1))).toEqual([courses.root]);
    await t.http.get(`/api/courses/${courses.a}`).set('Authorization', learnerB1).expect(404);
    await t.http.get(`/api/courses/${courses.a1}`).set('Authorization', learnerA).expect(404);
    await t.http.get(`/api/courses/${courses.root}`).set('Authorization', learnerB1).expect(200);
    await t.http.get(`/api/courses/${courses.draftA}`).set('Authorization', learnerA1).expect(404);
    await t.http.get('/api/courses/not-a-uuid').set('Authorization', learnerA1).expect(400);
    await t.http.get('/api/courses').expect(401);
  });

  it('pages the catalog with a total', async () => {
    const page = await t.http
      .get('/api/courses?pageSize=2&page=2')
      .set('Authorization', learnerA1)
      .expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    await t.http.get('/api/courses?pageSize=101').set('Authorization', learnerA1).expect(400);
  });

  it('finds courses by words with or without diacritics, in any case, by prefix', async () => {
    const search = async (q: string) => ids(await list(learnerA1, `&q=${encodeURIComponent(q)}`));
    expect(await search('chuyen doi so')).toEqual([courses.root]);
    expect(await search('CHUYỂN ĐỔI')).toEqual([courses.root]);
    expect(await search('chuyển đổi số cơ bản')).toEqual([courses.root]);
    expect(await search('chuy')).toEqual([courses.root]);
    expect(await search('co ban')).toEqual([courses.root, courses.a].sort());
    expect(await search('nhan thuc')).toEqual([courses.root]); // the description counts too
    expect(await search('chuyen doi so nang cao')).toEqual([]);
    expect(await search('bảo hiểm xã hội')).toEqual([]);
    expect(await search("') | !(& :*")).toEqual([courses.root, courses.a, courses.a1].sort()); // no word: no filter
    expect(await search('an:* | toan')).toEqual([courses.a]);
  });

  it('never sends answers or explanations in the outline or the catalog', async () => {
    const outline = await t.http
      .get(`/api/courses/${courses.root}`)
      .set('Authorization', learnerA1)
      .expect(200);
    expect(outline.body.quizzes).toEqual([
      expect.objectContaining({ kind: 'final', questionCount: 2 }),
    ]);
    expect(outline.text).not.toMatch(/correct/i);
    expect(outline.text).not.toMatch(/explanation/i);
    expect(outline.text).not.toMatch(/Chuyển đổi số là thay đổi cách làm/);
    const catalog = await t.http.get('/api/courses').set('Authorization', learnerA1).expect(200);
    expect(catalog.text).not.toMatch(/correct|explanation/i);
  });

  it('lets trainers edit only courses owned inside their subtree', async () => {
    const rename = (token: string, id: string) =>
      t.http.patch(`/api/courses/${id}`).set('Authorization', token).send({ title: 'Tên mới' });
    await rename(trainerB, courses.a).expect(404); // not even visible
    await rename(trainerA1, courses.a).expect(403); // visible (an ancestor's) but not theirs
    await rename(trainerA, courses.root).expect(403);
    await t.http
      .post(`/api/courses/${courses.a}/modules`)
      .set('Authorization', trainerB)
      .send({ title: 'X' })
      .expect(404);
    await t.http
      .post(`/api/courses/${courses.root}/publish`)
      .set('Authorization', trainerA)
      .expect(403);
    await t.http
      .post(`/api/courses/${courses.a}/archive`)
      .set('Authorization', learnerA1)
      .expect(403);
    const draft = await t.http
      .get(`/api/courses/${courses.draftA}/draft`)
      .set('Authorization', trainerA)
      .expect(200);
    const lesson = draft.body.modules[0].lessons[0].id;
    await t.http
      .patch(`/api/lessons/${lesson}`)
      .set('Authorization', trainerB)
      .send({ title: 'X' })
      .expect(404);
    await t.http.delete(`/api/lessons/${lesson}`).set('Authorization', trainerA1).expect(404);
    await rename(trainerA, courses.a1).expect(200); // a commune's course is in the province's scope
    await rename(admin, courses.a).expect(200);
  });

  it('creates courses only for units of the caller scope', async () => {
    const create = (token: string, ownerOrgUnitId?: string) =>
      t.http
        .post('/api/courses')
        .set('Authorization', token)
        .send({ code: newCode(), title: 'Khóa học mới', hours: 2, ownerOrgUnitId });
    await create(trainerA, tree.b.id).expect(403);
    await create(trainerA, tree.root.id).expect(403);
    await create(learnerA1).expect(403);
    expect((await create(trainerA, tree.a1.id).expect(201)).body.ownerOrgUnitId).toBe(tree.a1.id);
    expect((await create(trainerA).expect(201)).body.ownerOrgUnitId).toBe(tree.a.id);
  });

  it('lists for authors the courses they can edit, drafts included, filtered by status and words', async () => {
    const authoring = (token: string, query = '') =>
      t.http
        .get(`/api/courses/authoring?pageSize=100${query}`)
        .set('Authorization', token)
        .expect(200)
        .then((r) => r.body);
    const mine = ids(await authoring(trainerA));
    expect(mine).toEqual(expect.arrayContaining([courses.a, courses.a1, courses.draftA]));
    expect(mine).not.toContain(courses.root);
    expect(ids(await authoring(trainerA, '&status=draft'))).toContain(courses.draftA);
    expect(ids(await authoring(trainerA, '&status=draft'))).not.toContain(courses.a);
    expect(
      ids(await authoring(trainerA, `&q=${encodeURIComponent('khoa hoc dang soan')}`)),
    ).toEqual([courses.draftA]);
    expect(ids(await authoring(trainerA1))).not.toContain(courses.a);
    await t.http.get('/api/courses/authoring').set('Authorization', learnerA1).expect(403);
    await t.http
      .get('/api/courses/authoring?status=deleted')
      .set('Authorization', trainerA)
      .expect(400);
  });
  it('archives a course: out of the catalog and closed to edits; enrolled learners keep it', async () => {
    const course = await authorCourse(t, trainerA, { title: 'Khóa học sẽ lưu trữ' });
    const enrolled = await t.make.user(tree.a1);
    await t.db.query(
      `INSERT INTO enrollment (user_id, course_id, course_version_id, year)
       SELECT $1, id, published_version_id, 2026 FROM course WHERE id = $2`,
      [enrolled.id, course.id],
    );
    const archive = () =>
      t.http.post(`/api/courses/${course.id}/archive`).set('Authorization', trainerA);
    expect((await archive().expect(200)).body.status).toBe('archived');
    await archive().expect(200);
    await t.http
      .patch(`/api/courses/${course.id}`)
      .set('Authorization', trainerA)
      .send({ title: 'Đổi tên' })
      .expect(409);
    await t.http.get(`/api/courses/${course.id}`).set('Authorization', learnerA1).expect(404);
    const enrolledToken = await t.tokenFor(enrolled.username);
    await t.http.get(`/api/courses/${course.id}`).set('Authorization', enrolledToken).expect(200);
    expect(ids(await list(learnerA1))).not.toContain(course.id);
    const listed = await t.http
      .get('/api/courses/authoring?status=archived&pageSize=100')
      .set('Authorization', trainerA)
      .expect(200);
    expect(ids(listed.body)).toContain(course.id);
  });
});
