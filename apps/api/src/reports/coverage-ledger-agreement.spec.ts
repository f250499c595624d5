import { calendarDate, DxRole } from '@dx/contracts';
import type { OrgUnitEntity } from '@dx/db';
import { insertCoverageRows, insertCoverageRowsFromSources } from '@dx/reports';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

// Dozens of people signing in, enrolling and completing through the API: slow on 2 cores.
jest.setTimeout(180_000);

type Compute = (tx: EntityManager, reportId: string) => Promise<number>;

/**
 * The report the worker produces sums the training ledger; the reference recomputes
 * every figure from the source rows (certificates, recorded trainings, requirements).
 * Here the ledger is written only by the real endpoints (completions, revocations,
 * recorded training, requirements), and both computations must give the same rows.
 */
describe('coverage from the ledger agrees with the full recomputation (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let year: number;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>> & { hamlet: OrgUnitEntity };

  beforeAll(async () => {
    t = await createTestApp();
    const two = await t.make.twoProvinces();
    units = { ...two, hamlet: await t.make.unit(two.a1, 'Thôn A1a') };
    admin = await t.tokenFor(
      (await t.make.user(units.root, { roles: ['sysadmin'], dxRole: 'none' })).username,
    );
    hr = await t.tokenFor(
      (await t.make.user(units.root, { roles: ['hr'], dxRole: 'none' })).username,
    );
    year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
  });
  afterAll(() => t?.close());

  async function person(unit: OrgUnitEntity, dxRole: DxRole, ...courses: BuiltCourse[]) {
    const user = await t.make.user(unit, { dxRole });
    const token = await t.tokenFor(user.username);
    for (const c of courses)
      await t.http
        .post(`/api/courses/${c.course.id}/enroll`)
        .set('Authorization', token)
        .expect(201);
    return { user, token };
  }
  const finish = (token: string, course: BuiltCourse) =>
    t.http
      .post(`/api/lessons/${course.lessons[0].id}/complete`)
      .set('Authorization', token)
      .expect(200);
  const requirement = (orgUnitId: string, dxRoles: DxRole[], hours: number) =>
    t.http
      .post('/api/requirements')
      .set('Authorization', hr)
      .send({ year, orgUnitId, dxRoles, hours, dueDate: `${year}-12-31` })
      .expect(201);
  const record = (userId: string, hours: number) =>
    t.http
      .post('/api/training-records')
      .set('Authorization', hr)
      .send({
        userId,
        title: 'Lớp tập huấn chữ ký số',
        hours,
        completedOn: calendarDate(t.config.reportsTimeZone),
        provider: 'Sở Nội vụ',
      })
      .expect(201);
  async function revoke(userId: string, course: BuiltCourse) {
    // What the worker does to a pending certificate, minus the PDF: revocation needs `issued`.
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[cert]] = await t.db.query(
      `UPDATE certificate SET status = 'issued', issued_at = now(), serial = 'T-' || left(id::text, 24)
        WHERE user_id = $1 AND course_id = $2 RETURNING id`,
      [userId, course.course.id],
    );
    await t.http
      .post(`/api/certificates/${cert.id}/revoke`)
      .set('Authorization', admin)
      .send({ reason: 'issuer_error' })
      .expect(200);
  }

  async function compute(unit: OrgUnitEntity, how: Compute) {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO coverage_report (id, year, org_unit_id, job_id, status, time_zone)
       VALUES ($1, $2, $3, $4, 'running', $5)`,
      [id, year, unit.id, `coverage-${id}`, t.config.reportsTimeZone],
    );
    await t.db.transaction((tx) => how(tx, id));
    return t.db.query(
      `SELECT org_unit_id, parent_id, depth, dx_staff, trained, hours::float8 AS hours, certificates,
              full_time_staff, full_time_trained, part_time_staff, part_time_trained, requirement_met
         FROM coverage_report_row WHERE report_id = $1 ORDER BY depth, code`,
      [id],
    );
  }

  it('gives the same rows for every unit: staff, trained, hours, certificates, the split and requirementMet', async () => {
    const basics = await buildCourse(t.db, { owner: units.root, hours: 2.5, modules: [1] });
    const signing = await buildCourse(t.db, { owner: units.root, hours: 4, modules: [1] });
    // Requirement made before anyone trained: everyone it covers gets a ledger row (unmet).
    await requirement(units.root.id, ['full_time'], 4);

    const people = [
      await person(units.a1, 'full_time', basics, signing), // both: 6.5 h, meets 4 h
      await person(units.a1, 'full_time', basics), // 2.5 h: short of 4 h
      await person(units.a1, 'part_time', basics), // part-time: 2.5 h
      await person(units.hamlet, 'full_time', signing), // 4 h, then revoked
      await person(units.hamlet, 'part_time', basics, signing), // 6.5 h
      await person(units.a, 'full_time'), // recorded training only, 5 h
      await person(units.a, 'part_time'), // nothing
      await person(units.b1, 'full_time', signing), // 4 h
      await person(units.b1, 'none', basics), // not DX staff: never counted
      await person(units.b, 'part_time'), // recorded 1.5 h, short of the part-time 2 h below
    ];
    const [p0, p1, p2, p3, p4, p5, , p7, p8, p9] = people;
    await Promise.all([
      finish(p0.token, basics),
      finish(p0.token, signing),
      finish(p1.token, basics),
      finish(p2.token, basics),
      finish(p3.token, signing),
      finish(p4.token, basics),
      finish(p4.token, signing),
      finish(p7.token, signing),
      finish(p8.token, basics),
    ]);
    await record(p5.user.id, 5);
    await record(p9.user.id, 1.5);
    await revoke(p3.user.id, signing);
    // Requirement made after the training: re-evaluated for those it covers.
    await requirement(units.root.id, ['part_time'], 2);

    const fromLedger = await compute(units.root, insertCoverageRows);
    const recomputed = await compute(units.root, (tx, id) =>
      insertCoverageRowsFromSources(tx, id, { requirements: true }),
    );
    expect(fromLedger).toEqual(recomputed);

    // And the figures are the ones the story above says (a test that can fail).
    const byUnit = new Map(fromLedger.map((r: { org_unit_id: string }) => [r.org_unit_id, r]));
    expect(byUnit.get(units.root.id)).toMatchObject({
      dx_staff: 9,
      trained: 7,
      hours: 28.5,
      certificates: 7,
      full_time_staff: 5,
      full_time_trained: 4,
      part_time_staff: 4,
      part_time_trained: 3,
      // Full-time need 4 h: p0, p5, p7 met; p1, p3 short. Part-time need 2 h: p2, p4 met; p6, p9 short.
      requirement_met: 5,
    });
    expect(byUnit.get(units.hamlet.id)).toMatchObject({ dx_staff: 2, trained: 1, hours: 6.5 });
  });
});
