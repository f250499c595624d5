import { calendarDate } from '@dx/contracts';
import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';
import { DEMO_TRAINING_INSTITUTION, flattenDemoTree, REFORM_DATE } from './demo-org-units.data';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-people.data';
import { demoUsername, generateDemoPeople } from './demo-people.step';
import { DemoSeedService } from './demo-seed.service';

describe('demo people', () => {
  it('are the same on every run, with NFC names, unique ASCII usernames and a 40/30/30 DX mix', () => {
    const people = generateDemoPeople();
    expect(generateDemoPeople()).toEqual(people);
    expect(people.length).toBeGreaterThanOrEqual(150);
    const usernames = people.map((p) => p.username).concat(DEMO_ACCOUNTS.map((a) => a.username));
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const p of people) {
      expect(p.username).toMatch(/^[a-z]+\.[a-z]+\d*$/);
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    const share = (role: string) => people.filter((p) => p.dxRole === role).length / people.length;
    expect(share('full_time')).toBeCloseTo(0.4, 1);
    expect(share('part_time')).toBeCloseTo(0.3, 1);
    expect(share('none')).toBeCloseTo(0.3, 1);
  });

  it('derives usernames from the given name and the initials', () => {
    expect(demoUsername('Nguyễn Thị Thu Hường')).toBe('huong.ntt');
    expect(demoUsername('Đặng Đức Dũng')).toBe('dung.dd');
  });
});

describe('demo seed', () => {
  let url: string;
  let t: TestApp;
  let other: TestApp;
  const expectedUsers = DEMO_ACCOUNTS.length + generateDemoPeople().length;

  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM org_unit_edge) AS edges,
              (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM membership) AS memberships`,
    );
    return row as { units: number; edges: number; users: number; memberships: number };
  };
  const unitByCode = async (code: string) =>
    (
      await t.db.query(
        `SELECT id, path, valid_to::text, successor_id FROM org_unit WHERE code = $1`,
        [code],
      )
    )[0];

  beforeAll(async () => {
    // The run's shared database is never empty: the seed gets its own.
    url = await createTestDatabase('dx_test_seed');
    // Two API processes starting at once on the empty database: exactly one seeds.
    [t, other] = await Promise.all([
      createTestApp({ DATABASE_URL: url, SEED_DEMO: 'true' }),
      createTestApp({ DATABASE_URL: url, SEED_DEMO: 'true' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t?.close(), other?.close()]);
    if (url) await dropTestDatabase(url);
  });

  it('loads the units and people once, even when two processes start together', async () => {
    const c = await counts();
    expect(c.units).toBe(flattenDemoTree().length);
    expect(c.users).toBe(expectedUsers);
    expect(c.users).toBeGreaterThanOrEqual(150);
    const [{ names }] = await t.db.query(
      `SELECT count(*)::int AS names FROM app_user WHERE full_name <> normalize(full_name, NFC)`,
    );
    expect(names).toBe(0);
  });

  it('creates the demo accounts with the documented password and scopes', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: account.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({
        username: account.username,
        roles: account.roles,
        dxRole: account.dxRole,
      });
    }
    const hn = await unitByCode('HN');
    const hnPeople: { id: string }[] = await t.db.query(
      `SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE $1`,
      [`${hn.path}%`],
    );
    const token = await t.tokenFor('tccb.hn', DEMO_PASSWORD);
    const res = await t.http
      .get('/api/users')
      .query({ pageSize: 100 })
      .set('Authorization', token)
      .expect(200);
    expect(res.body.total).toBe(hnPeople.length);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      hnPeople.map((p) => p.id).sort(),
    );
    const usernames = res.body.items.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['tccb.hn', 'daotao.hn', 'hocvien.hn']));
    expect(usernames).not.toContain('tccb.tq');
  });

  it('has Hà Giang closed into Tuyên Quang on 2025-07-01, as it stood before in the history', async () => {
    const [hg, tq] = [await unitByCode('HG'), await unitByCode('TQ')];
    expect(hg).toMatchObject({ valid_to: REFORM_DATE, successor_id: tq.id });
    const bt = await unitByCode('BTTTT');
    expect(bt).toMatchObject({
      valid_to: '2025-03-01',
      successor_id: (await unitByCode('BKHCN')).id,
    });

    const inHgSubtreeOn = async (d: string) =>
      (
        await t.db.query(
          `WITH RECURSIVE tree AS (
             SELECT unit_id FROM org_unit_edge WHERE unit_id = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
             UNION ALL
             SELECT e.unit_id FROM org_unit_edge e JOIN tree ON e.parent_id = tree.unit_id
              WHERE e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date))
           SELECT count(DISTINCT m.user_id)::int AS people FROM tree
             JOIN membership m ON m.org_unit_id = tree.unit_id
            WHERE m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to > $2::date)`,
          [hg.id, d],
        )
      )[0].people;
    expect(await inHgSubtreeOn('2024-12-31')).toBeGreaterThan(20);
    expect(await inHgSubtreeOn('2025-12-31')).toBe(0);

    // Today Hà Giang's communes and people are Tuyên Quang's.
    const admin = await t.tokenFor('quantri', DEMO_PASSWORD);
    const children = await t.http
      .get('/api/org-units')
      .query({ parentId: tq.id })
      .set('Authorization', admin);
    const names = children.body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual(
      expect.arrayContaining(['Phường Hà Giang 1', 'Xã Lũng Cú', 'Sở Nội vụ tỉnh Tuyên Quang']),
    );
    expect(names).not.toContain('Tỉnh Hà Giang');
    const formerHg: { id: string }[] = await t.db.query(
      `SELECT id FROM app_user WHERE email LIKE '%@hagiang.example'`,
    );
    expect(formerHg.length).toBeGreaterThan(20);
    const hr = await t.tokenFor('tccb.tq', DEMO_PASSWORD);
    const people = await t.http
      .get('/api/users')
      .query({ pageSize: 100 })
      .set('Authorization', hr)
      .expect(200);
    expect(people.body.total).toBeLessThanOrEqual(100);
    expect(people.body.items.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining(formerHg.map((u) => u.id)),
    );
  });

  it('has learning history on both sides of the 2025 merger, each completion waiting for its certificate', async () => {
    const [row] = await t.db.query(
      `SELECT
         count(*) FILTER (WHERE c.completed_at < '2025-01-01+07')::int AS y2024,
         count(*) FILTER (WHERE c.completed_at >= '2025-01-01+07' AND c.completed_at < '2025-07-01+07')::int AS before_merger,
         count(*) FILTER (WHERE c.completed_at >= '2025-07-01+07' AND c.completed_at < '2026-01-01+07')::int AS after_merger,
         count(*) FILTER (WHERE m.org_unit_id IN (SELECT id FROM org_unit WHERE code LIKE 'HG%'))::int AS in_ha_giang,
         count(*)::int AS total,
         (SELECT count(*)::int FROM outbox WHERE sent_at IS NULL) AS outbox
       FROM certificate c
       LEFT JOIN membership m ON m.user_id = c.user_id AND m.valid_from <= c.completed_at::date
         AND (m.valid_to IS NULL OR m.valid_to > c.completed_at::date)`,
    );
    expect(row.y2024).toBeGreaterThan(20);
    expect(row.before_merger).toBeGreaterThan(5);
    expect(row.after_merger).toBeGreaterThan(5);
    expect(row.in_ha_giang).toBeGreaterThan(0);
    expect(row.outbox).toBe(row.total);
    // As the API requires, a completed enrolment has every lesson of its version completed.
    const [lessons] = await t.db.query(
      `SELECT count(*)::int AS completed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM lesson l WHERE l.course_version_id = e.course_version_id
                   AND NOT EXISTS (SELECT 1 FROM lesson_completion lc
                                    WHERE lc.enrollment_id = e.id AND lc.lesson_id = l.id
                                      AND lc.completed_at = e.completed_at)))::int AS missing,
              (SELECT count(*)::int FROM lesson_completion lc JOIN enrollment x ON x.id = lc.enrollment_id
                WHERE x.status <> 'completed') AS stray
         FROM enrollment e WHERE e.status = 'completed'`,
    );
    expect(lessons).toEqual({ completed: row.total, missing: 0, stray: 0 });
    // The national courses' certificates: issued by the Ministry's training institution.
    const issuers = await t.db.query(
      `SELECT DISTINCT o.code, i.parent_body_name AS "parentBodyName"
         FROM certificate c JOIN org_unit o ON o.id = c.issuer_org_unit_id
         LEFT JOIN certificate_issuer i ON i.org_unit_id = o.id`,
    );
    expect(issuers).toEqual([
      { code: DEMO_TRAINING_INSTITUTION, parentBodyName: 'Bộ Khoa học và Công nghệ' },
    ]);
    const learner = await t.tokenFor('hocvien.hn', DEMO_PASSWORD);
    const mine = await t.http.get('/api/me/enrollments').set('Authorization', learner).expect(200);
    expect(mine.body.some((e: { status: string }) => e.status === 'completed')).toBe(true);
    const curricula = await t.http
      .get('/api/me/curricula')
      .set('Authorization', learner)
      .expect(200);
    const items = Array.isArray(curricula.body) ? curricula.body : curricula.body.items;
    expect(items.map((c: { code: string }) => c.code)).toContain('CT-CDS-2026');
  });

  it('shows the yearly cycle: requirements met by some and not others, re-training, outside training', async () => {
    const year = Number(calendarDate(t.config.reportsTimeZone).slice(0, 4));
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM requirement WHERE year = $1) AS "thisYear",
              (SELECT count(*)::int FROM requirement WHERE year = $1 - 1) AS "lastYear",
              (SELECT count(*)::int FROM training_record) AS records,
              (SELECT count(DISTINCT year)::int FROM training_record) AS "recordYears",
              (SELECT count(*)::int FROM training_year WHERE year = $1 AND requirement_met AND trained) AS met,
              (SELECT count(*)::int FROM training_year WHERE year = $1 AND NOT requirement_met) AS short,
              (SELECT count(*)::int FROM (SELECT 1 FROM enrollment WHERE status = 'completed'
                 GROUP BY user_id, course_id HAVING count(*) > 1) x) AS retrained,
              (SELECT count(*)::int FROM enrollment WHERE current GROUP BY user_id, course_id
                ORDER BY 1 DESC LIMIT 1) AS "mostCurrent"`,
      [year],
    );
    expect(row).toMatchObject({
      thisYear: 3,
      lastYear: 1,
      records: 6,
      recordYears: 2,
      mostCurrent: 1,
    });
    expect(row.met).toBeGreaterThan(5);
    expect(row.short).toBeGreaterThan(5);
    expect(row.retrained).toBeGreaterThan(5);
    // The curriculum asks what its courses can give (the publish check's rule).
    const [curriculum] = await t.db.query(
      `SELECT cu.hours_per_year::float8 AS asks, sum(v.hours)::float8 AS holds FROM curriculum cu
         JOIN curriculum_course cc ON cc.curriculum_id = cu.id JOIN course c ON c.id = cc.course_id
         JOIN course_version v ON v.id = c.published_version_id GROUP BY cu.id`,
    );
    expect(curriculum.holds).toBeGreaterThanOrEqual(curriculum.asks);

    // Hà Nội's learner: the national requirement in progress, Hà Nội's mid-year one overdue.
    const learner = await t.tokenFor('hocvien.hn', DEMO_PASSWORD);
    const mine = await t.http.get('/api/me/requirements').set('Authorization', learner).expect(200);
    expect(
      mine.body.map((r: { hours: number; status: string }) => [r.hours, r.status]).sort(),
    ).toEqual([
      [1.5, 'overdue'],
      [3, 'in_progress'],
    ]);
  });

  it('does nothing on a second call', async () => {
    const before = await counts();
    await expect(t.app.get(DemoSeedService).seedIfEmpty()).resolves.toBe(false);
    expect(await counts()).toEqual(before);
  });
});
