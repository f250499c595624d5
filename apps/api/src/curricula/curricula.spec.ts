import { CourseEntity } from '@dx/db';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('curricula', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let trainerA: string;
  let trainerB: string;
  let trainerA1: string;
  let learnerA1: string;
  let learnerB1: string;
  let national: BuiltCourse;
  let provincial: BuiltCourse;

  const code = () => `CT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    const token = async (
      unit: keyof typeof units,
      roles: ('learner' | 'trainer')[] = ['learner'],
    ) => t.tokenFor((await t.make.user(units[unit], { roles })).username);
    [trainerA, trainerB, trainerA1, learnerA1, learnerB1] = await Promise.all([
      token('a', ['learner', 'trainer']),
      token('b', ['learner', 'trainer']),
      token('a1', ['learner', 'trainer']),
      token('a1'),
      token('b1'),
    ]);
    national = await buildCourse(t.db, {
      owner: units.root,
      title: 'Nhập môn chuyển đổi số',
      hours: 4,
    });
    provincial = await buildCourse(t.db, {
      owner: units.a,
      title: 'Dịch vụ công trực tuyến',
      hours: 3.5,
    });
  });
  afterAll(() => t.close());

  const create = (token: string, body: object) =>
    t.http.post('/api/curricula').set('Authorization', token).send(body);

  it('lets a trainer create a draft curriculum with ordered courses', async () => {
    const c = code();
    const res = await create(trainerA, {
      code: c.toLowerCase(),
      title: '  Chương trình bồi dưỡng cán bộ CĐS cấp xã ',
      audience: 'Cán bộ chuyên trách CĐS cấp xã',
      jobTitles: ['Công chức Văn hóa - Xã hội', 'công chức văn hoá - xã hội'],
      hoursPerYear: 40,
      courseIds: [provincial.course.id, national.course.id],
    }).expect(201);
    expect(res.body).toMatchObject({
      code: c,
      title: 'Chương trình bồi dưỡng cán bộ CĐS cấp xã',
      description: '',
      jobTitles: ['Công chức Văn hóa - Xã hội'],
      hoursPerYear: 40,
      ownerOrgUnitId: units.a.id,
      status: 'draft',
      courseCount: 2,
      totalHours: 7.5,
      canEdit: true,
    });
    expect(
      res.body.courses.map((x: { courseId: string; position: number }) => [x.courseId, x.position]),
    ).toEqual([
      [provincial.course.id, 1],
      [national.course.id, 2],
    ]);
    expect(res.body.courses[0]).toMatchObject({
      title: 'Dịch vụ công trực tuyến',
      hours: 3.5,
      enrollment: null,
    });
  });

  it('refuses bad input with field errors, foreign courses with 400, and other roles or scopes', async () => {
    const base = {
      code: code(),
      title: 'Chương trình',
      hoursPerYear: 10,
      courseIds: [national.course.id],
    };
    const bad = await create(trainerA, {
      code: 'a b',
      hoursPerYear: -1,
      courseIds: ['x', 'x'],
      extra: 1,
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['code', 'title', 'hoursPerYear', 'courseIds', 'extra']),
    );

    const foreign = await buildCourse(t.db, { owner: units.b });
    const below = await buildCourse(t.db, { owner: units.a1 });
    const archived = await buildCourse(t.db, { owner: units.a });
    await t.db
      .getRepository(CourseEntity)
      .update({ id: archived.course.id }, { status: 'archived' });
    const res = await create(trainerA, {
      ...base,
      courseIds: [
        national.course.id,
        foreign.course.id,
        below.course.id,
        archived.course.id,
        '00000000-0000-4000-8000-000000000000',
      ],
    }).expect(400);
    expect(res.body.errors).toEqual([
      {
        field: 'courseIds.1',
        code: 'course_not_usable',
        message: 'does not name a course visible to the owner unit',
      },
      {
        field: 'courseIds.2',
        code: 'course_not_usable',
        message: 'does not name a course visible to the owner unit',
      },
      { field: 'courseIds.3', code: 'course_not_usable', message: 'the course is archived' },
      {
        field: 'courseIds.4',
        code: 'course_not_usable',
        message: 'does not name a course visible to the owner unit',
      },
    ]);

    await create(learnerA1, base).expect(403);
    await create(trainerA, { ...base, ownerOrgUnitId: units.b.id }).expect(403);
    await create(trainerA, base).expect(201);
    const dup = await create(trainerB, { ...base }).expect(409);
    expect(dup.body.errors).toEqual([
      { field: 'code', code: 'already_used', message: 'already used' },
    ]);
  });

  it('shows drafts only to trainers who can edit them, and published ones to the owner subtree', async () => {
    const res = await create(trainerA, {
      code: code(),
      title: 'Lộ trình kỹ năng số',
      hoursPerYear: 4,
      courseIds: [national.course.id],
    }).expect(201);
    const id = res.body.id;
    const ids = async (token: string) =>
      (
        await t.http.get('/api/curricula?pageSize=100').set('Authorization', token).expect(200)
      ).body.items.map((c: { id: string }) => c.id);

    expect(await ids(trainerA)).toContain(id);
    for (const token of [learnerA1, trainerA1, trainerB, learnerB1]) {
      expect(await ids(token)).not.toContain(id);
      await t.http.get(`/api/curricula/${id}`).set('Authorization', token).expect(404);
    }
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerB)
      .send({ title: 'Khác' })
      .expect(404);

    await t.http.post(`/api/curricula/${id}/publish`).set('Authorization', trainerA).expect(200);
    for (const token of [learnerA1, trainerA1]) {
      expect(await ids(token)).toContain(id);
      const detail = await t.http
        .get(`/api/curricula/${id}`)
        .set('Authorization', token)
        .expect(200);
      expect(detail.body).toMatchObject({ status: 'published', canEdit: false });
    }
    for (const token of [trainerB, learnerB1]) {
      expect(await ids(token)).not.toContain(id);
      await t.http.get(`/api/curricula/${id}`).set('Authorization', token).expect(404);
    }
    // Seen from below but owned above: not theirs to edit.
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA1)
      .send({ title: 'Khác' })
      .expect(403);
    await t.http.post(`/api/curricula/${id}/publish`).set('Authorization', learnerA1).expect(403);

    await t.http.post(`/api/curricula/${id}/archive`).set('Authorization', trainerA).expect(200);
    await t.http.get(`/api/curricula/${id}`).set('Authorization', learnerA1).expect(404);
  });

  it('publishes only when every course is published, and edits keep that true', async () => {
    const draftCourse = await buildCourse(t.db, { owner: units.a, published: false });
    const res = await create(trainerA, {
      code: code(),
      title: 'Chương trình chờ',
      hoursPerYear: 8,
      courseIds: [draftCourse.course.id],
    }).expect(201);
    const id = res.body.id;
    const refused = await t.http
      .post(`/api/curricula/${id}/publish`)
      .set('Authorization', trainerA)
      .expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'courseIds.0',
        code: 'course_not_usable',
        message: 'the course is not published yet',
      },
    ]);
    const empty = await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ courseIds: [] })
      .expect(200);
    expect(empty.body.courseCount).toBe(0);
    await t.http.post(`/api/curricula/${id}/publish`).set('Authorization', trainerA).expect(400);

    const patched = await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({
        title: 'Chương trình đã sửa',
        description: 'Mô tả',
        hoursPerYear: 7.5,
        courseIds: [national.course.id, provincial.course.id],
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      title: 'Chương trình đã sửa',
      hoursPerYear: 7.5,
      courseCount: 2,
    });
    const published = await t.http
      .post(`/api/curricula/${id}/publish`)
      .set('Authorization', trainerA)
      .expect(200);
    expect(published.body.status).toBe('published');

    const reordered = await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ courseIds: [provincial.course.id, national.course.id] })
      .expect(200);
    expect(reordered.body.courses.map((c: { courseId: string }) => c.courseId)).toEqual([
      provincial.course.id,
      national.course.id,
    ]);
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ courseIds: [draftCourse.course.id] })
      .expect(400);
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ courseIds: [] })
      .expect(400);
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ status: 'draft' })
      .expect(400);
  });
  it('refuses to publish a curriculum whose courses cannot reach its hours per year, naming the shortfall', async () => {
    // national 4 h + provincial 3.5 h = 7.5 h, against 24 h a year.
    const res = await create(trainerA, {
      code: code(),
      title: 'Chương trình thiếu giờ',
      hoursPerYear: 24,
      courseIds: [national.course.id, provincial.course.id],
    }).expect(201);
    const id = res.body.id;
    const refused = await t.http
      .post(`/api/curricula/${id}/publish`)
      .set('Authorization', trainerA)
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'invalid_input' });
    expect(refused.body.errors).toEqual([
      {
        field: 'hoursPerYear',
        code: 'curriculum_hours_short',
        message: 'the courses hold 7.5 h, 16.5 h short of 24 h per year',
        params: { hoursPerYear: 24, courseHours: 7.5, missingHours: 16.5 },
      },
    ]);
    await t.http
      .patch(`/api/curricula/${id}`)
      .set('Authorization', trainerA)
      .send({ hoursPerYear: 7.5 })
      .expect(200);
    await t.http.post(`/api/curricula/${id}/publish`).set('Authorization', trainerA).expect(200);
    // Once published, an edit cannot make it unreachable either.
    for (const body of [{ hoursPerYear: 8 }, { courseIds: [national.course.id] }]) {
      const edit = await t.http
        .patch(`/api/curricula/${id}`)
        .set('Authorization', trainerA)
        .send(body)
        .expect(400);
      expect(edit.body.errors[0]).toMatchObject({ code: 'curriculum_hours_short' });
    }
    const kept = await t.http.get(`/api/curricula/${id}`).set('Authorization', trainerA);
    expect(kept.body).toMatchObject({ hoursPerYear: 7.5, courseCount: 2 });
  });
});
