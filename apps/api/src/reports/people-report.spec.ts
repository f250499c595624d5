import { calendarDate } from '@dx/contracts';
import { Workbook } from 'exceljs';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('GET /api/reports/people', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let hrB: string;
  let year: number;
  let people: Record<
    'trained' | 'untrained' | 'partTime' | 'moved',
    { id: string; username: string }
  >;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor(
      (await t.make.user(units.a, { roles: ['learner', 'hr'], dxRole: 'none' })).username,
    );
    hrB = await t.tokenFor((await t.make.user(units.b, { roles: ['learner', 'hr'] })).username);
    year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
    people = {
      trained: await t.make.user(units.a1, { fullName: 'An Văn Đã Học' }),
      untrained: await t.make.user(units.a1, { fullName: 'Bùi Thị Chưa Học' }),
      partTime: await t.make.user(units.a, { fullName: 'Cao Văn Kiêm Nhiệm', dxRole: 'part_time' }),
      moved: await t.make.user(units.b1, { fullName: 'Đinh Thị Chuyển Đến' }),
    };
    await t.make.user(units.a1, { fullName: 'Không CĐS', dxRole: 'none' });
    // "moved" was in A1 until 1 January this year: A's list of last year has them, this year's does not.
    await t.db.query(`UPDATE membership SET valid_from = $2 WHERE user_id = $1`, [
      people.moved.id,
      `${year}-01-01`,
    ]);
    await t.db.query(
      `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to) VALUES ($1, $2, 'full_time', '2000-01-01', $3)`,
      [people.moved.id, units.a1.id, `${year}-01-01`],
    );
    const course = await buildCourse(t.db, { owner: units.a, hours: 5, modules: [1] });
    const token = await t.tokenFor(people.trained.username);
    await t.http
      .post(`/api/courses/${course.course.id}/enroll`)
      .set('Authorization', token)
      .expect(201);
    await t.http
      .post(`/api/lessons/${course.lessons[0].id}/complete`)
      .set('Authorization', token)
      .expect(200);
  });
  afterAll(() => t.close());

  const get = (token: string, query: string) =>
    t.http.get(`/api/reports/people?${query}`).set('Authorization', token);
  const names = (body: { items: { fullName: string }[] }) => body.items.map((p) => p.fullName);

  it('lists the DX staff of the subtree today, filtered by status and DX role', async () => {
    const all = (await get(hrA, `orgUnitId=${units.a.id}&year=${year}`).expect(200)).body;
    expect(names(all)).toEqual(['Cao Văn Kiêm Nhiệm', 'An Văn Đã Học', 'Bùi Thị Chưa Học']);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(all.items[1]).toEqual({
      userId: people.trained.id,
      username: people.trained.username,
      fullName: 'An Văn Đã Học',
      orgUnitId: units.a1.id,
      orgUnitName: 'Xã A1',
      dxRole: 'full_time',
      hoursEarned: 5,
      requiredHours: null,
      requirementMet: true,
      trained: true,
      lastCompletedOn: calendarDate(t.config.reportsTimeZone),
    });
    const untrained = (await get(hrA, `orgUnitId=${units.a.id}&status=untrained`).expect(200)).body;
    expect(names(untrained)).toEqual(['Cao Văn Kiêm Nhiệm', 'Bùi Thị Chưa Học']);
    const partTime = (
      await get(hrA, `orgUnitId=${units.a.id}&status=untrained&dxRole=part_time`).expect(200)
    ).body;
    expect(names(partTime)).toEqual(['Cao Văn Kiêm Nhiệm']);
    const paged = (await get(hrA, `orgUnitId=${units.a.id}&pageSize=1&page=2`).expect(200)).body;
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(names(paged)).toEqual(['An Văn Đã Học']);
    // Pages of 2 cut through a unit: together they are the whole list, in its order.
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(
        (await get(hrA, `orgUnitId=${units.a.id}&pageSize=2&page=${page}`).expect(200)).body,
      );
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3]);
    expect(pages.flatMap(names)).toEqual(names(all));
    expect(pages[2].items).toEqual([]);
  });

  it('places people where they stood at the end of a past year', async () => {
    const last = (await get(hrA, `orgUnitId=${units.a.id}&year=${year - 1}`).expect(200)).body;
    expect(names(last)).toContain('Đinh Thị Chuyển Đến');
    expect(
      last.items.find((p: { fullName: string }) => p.fullName === 'An Văn Đã Học'),
    ).toMatchObject({
      trained: false,
      hoursEarned: 0,
    });
    const b = (await get(hrB, `orgUnitId=${units.b.id}&year=${year - 1}`).expect(200)).body;
    expect(names(b)).not.toContain('Đinh Thị Chuyển Đến');
  });

  it('exports the same rows as CSV (BOM, Vietnamese headings) and XLSX', async () => {
    const csv = await get(hrA, `orgUnitId=${units.a.id}&status=untrained&format=csv`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFTên đăng nhập,Họ và tên,Đơn vị')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).toContain('Bùi Thị Chưa Học,Xã A1,Chuyên trách,0,,Có,Chưa,');

    // For Excel in Vietnamese: the same rows separated by semicolons, the BOM kept.
    const semi = await get(hrA, `orgUnitId=${units.a.id}&status=untrained&format=csv&separator=%3B`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const semiText = (semi.body as Buffer).toString('utf8');
    expect(semiText.startsWith('\uFEFFTên đăng nhập;Họ và tên;Đơn vị')).toBe(true);
    expect(semiText).toContain('Bùi Thị Chưa Học;Xã A1;Chuyên trách;0;;Có;Chưa;');
    const wrong = await get(hrA, `orgUnitId=${units.a.id}&format=xlsx&separator=%3B`).expect(400);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'separator', code: 'csv_only' }),
    ]);

    const xlsx = await get(hrA, `orgUnitId=${units.a.id}&status=untrained&format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).getCell(2).value).toBe('Cao Văn Kiêm Nhiệm');
    expect(ws.getRow(4).getCell(2).value).toBe('Bùi Thị Chưa Học');
    expect(ws.rowCount).toBe(4);
  });

  it('hides a unit outside the caller’s scope (404) and refuses bad filters (400)', async () => {
    await get(hrB, `orgUnitId=${units.a.id}`).expect(404);
    const bad = await get(hrA, `orgUnitId=${units.a.id}&status=lazy&format=pdf`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'format',
      'status',
    ]);
    // A year that has not begun: nobody stands anywhere in it yet.
    const future = await get(hrA, `orgUnitId=${units.a.id}&year=${year + 1}`).expect(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'year', code: 'max', params: { max: year } }),
    ]);
  });
});
