import { calendarDate } from '@dx/contracts';
import { buildCourse, BuiltCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { LEDGER_FROM_SOURCES } from '@dx/reports';

interface LedgerFigures {
  user_id: string;
  year: number;
  hundredths: number;
  courses: number;
  records: number;
}

// 25 people signing in and enrolling before the 50 concurrent requests: slow on 2 cores.
jest.setTimeout(120_000);

describe('training ledger', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: string;
  let thisYear: number;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    admin = await t.tokenFor((await t.make.user(units.root, { roles: ['sysadmin'] })).username);
    thisYear = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
  });
  afterAll(() => t.close());

  async function learners(n: number, ...courses: BuiltCourse[]) {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const user = await t.make.user(units.a1);
        const token = await t.tokenFor(user.username);
        for (const c of courses) {
          await t.http
            .post(`/api/courses/${c.course.id}/enroll`)
            .set('Authorization', token)
            .expect(201);
        }
        return { user, token };
      }),
    );
  }
  const finish = (token: string, course: BuiltCourse) =>
    t.http
      .post(`/api/lessons/${course.lessons[0].id}/complete`)
      .set('Authorization', token)
      .expect(200);
  /** What the worker does to a pending certificate, minus the PDF: revocation needs `issued`. */
  const markIssued = (userIds: string[]) =>
    t.db.query(
      `UPDATE certificate SET status = 'issued', issued_at = now(), serial = 'T-' || left(id::text, 24)
        WHERE user_id = ANY ($1::uuid[]) AND status = 'pending'`,
      [userIds],
    );

  /** The ledger and its recomputation from the source rows, for some people, in one shape. */
  async function bothWays(userIds: string[]) {
    const order = 'ORDER BY user_id, year';
    const stored: LedgerFigures[] = await t.db.query(
      // Rows of placed years that say nothing (no training) are no rows to the recomputation.
      `SELECT user_id, year, (hours * 100)::int AS hundredths, courses, records FROM training_year
        WHERE user_id = ANY ($1::uuid[]) AND (hours <> 0 OR courses <> 0 OR records <> 0) ${order}`,
      [userIds],
    );
    const recomputed: LedgerFigures[] = await t.db.query(
      `SELECT user_id, year, hundredths::int, courses, records FROM (${LEDGER_FROM_SOURCES}) s
        WHERE user_id = ANY ($1::uuid[]) ${order}`,
      [userIds],
    );
    return { stored, recomputed };
  }

  it('adds a completion and subtracts a revocation in the same transaction', async () => {
    const course = await buildCourse(t.db, { owner: units.a, hours: 2.75, modules: [1] });
    const [{ user, token }] = await learners(1, course);
    await finish(token, course);
    const [row] = await t.db.query('SELECT * FROM training_year WHERE user_id = $1 AND year = $2', [
      user.id,
      thisYear,
    ]);
    expect(row).toMatchObject({ year: thisYear, hours: '2.75', courses: 1, trained: true });

    await markIssued([user.id]);
    const [cert] = await t.db.query('SELECT id FROM certificate WHERE user_id = $1', [user.id]);
    await t.http
      .post(`/api/certificates/${cert.id}/revoke`)
      .set('Authorization', admin)
      .send({ reason: 'fraud' })
      .expect(200);
    const [after] = await t.db.query(
      'SELECT * FROM training_year WHERE user_id = $1 AND year = $2',
      [user.id, thisYear],
    );
    expect(after).toMatchObject({ year: thisYear, hours: '0.00', courses: 0, trained: false });
  });

  it('stays exact under 50 concurrent completions and revocations, and equals its recomputation', async () => {
    const first = await buildCourse(t.db, { owner: units.a, hours: 1.5, modules: [1] });
    const second = await buildCourse(t.db, { owner: units.root, hours: 2.25, modules: [1] });
    const people = await learners(25, first, second);
    const ids = people.map((p) => p.user.id);
    for (const p of people) await finish(p.token, first);
    await markIssued(ids);
    const firstCertificates: { id: string }[] = await t.db.query(
      `SELECT id FROM certificate WHERE user_id = ANY ($1::uuid[]) AND course_id = $2`,
      [ids, first.course.id],
    );

    // Each person's row of the year receives a +2.25 and a -1.5 at the same time.
    await Promise.all([
      ...people.map((p) => finish(p.token, second)),
      ...firstCertificates.map((c) =>
        t.http
          .post(`/api/certificates/${c.id}/revoke`)
          .set('Authorization', admin)
          .send({ reason: 'issuer_error' })
          .expect(200),
      ),
    ]);

    const { stored, recomputed } = await bothWays(ids);
    expect(stored).toHaveLength(25);
    expect(stored).toEqual(recomputed);
    expect(new Set(stored.map((r) => `${r.year}:${r.hundredths}:${r.courses}`))).toEqual(
      new Set([`${thisYear}:225:1`]),
    );
  });
});
