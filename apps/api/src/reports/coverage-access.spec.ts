import { redisOptionsFromUrl } from '@dx/config';
import type { OrgUnitEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { insertCoverageRows } from '@dx/reports';
import { parse } from 'csv-parse/sync';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { courseCertificate } from './coverage.fixtures';

/**
 * Who reaches which stored report: the list of one's own and the official reports, HR
 * reading its subtree's rows of the official national report, and the office of a unit
 * that absorbed another (merge of 1 July 2025) reaching the absorbed unit's earlier years.
 */
// Several sign-ins (argon2id) and a merge before the first check: slow on a loaded machine.
jest.setTimeout(120_000);

describe('coverage reports HR can reach (real PostgreSQL and Redis)', () => {
  const prefix = `dxtest-reports-access-${randomSuffix()}`;
  let t: TestApp;
  let ministry: OrgUnitEntity;
  let haGiang: OrgUnitEntity;
  let lungCu: OrgUnitEntity;
  let tuyenQuang: OrgUnitEntity;
  let caoBang: OrgUnitEntity;
  let auth: { admin: string; hrTq: string; hrCb: string };
  let official: string;
  let ownCb: string;

  /** A completed report as the worker leaves it (snapshot only). */
  async function stored(
    unit: OrgUnitEntity,
    year: number,
    opts: { official?: boolean; by?: string },
  ) {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO coverage_report (id, year, org_unit_id, requested_by, job_id, status, official, time_zone)
       VALUES ($1, $2, $3, $4, $5, 'running', $6, 'Asia/Ho_Chi_Minh')`,
      [id, year, unit.id, opts.by ?? null, `coverage-${id}`, opts.official ?? false],
    );
    await t.db.transaction(async (tx) => {
      await insertCoverageRows(tx, id);
      await tx.query(
        `UPDATE coverage_report SET status = 'completed', generated_at = now() WHERE id = $1`,
        [id],
      );
    });
    return id;
  }
  const get = (token: string, path: string) =>
    t.http.get(`/api/reports/coverage${path}`).set('Authorization', token);

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_PREFIX: prefix });
    ministry = await t.make.unit(null, 'Bộ Nội vụ');
    haGiang = await t.make.unit(ministry, 'Tỉnh Hà Giang');
    lungCu = await t.make.unit(haGiang, 'Xã Lũng Cú');
    tuyenQuang = await t.make.unit(ministry, 'Tỉnh Tuyên Quang');
    caoBang = await t.make.unit(ministry, 'Tỉnh Cao Bằng');
    const admin = await t.make.user(ministry, { roles: ['sysadmin'], dxRole: 'none' });
    const hrTq = await t.make.user(tuyenQuang, { roles: ['hr'], dxRole: 'none' });
    const hrCb = await t.make.user(caoBang, { roles: ['hr'], dxRole: 'none' });
    const mai = await t.make.user(haGiang, { fullName: 'Giàng Thị Mai' });
    await t.make.user(lungCu, { fullName: 'Sùng Mí Chớ', dxRole: 'part_time' });
    await t.make.user(tuyenQuang, { fullName: 'Ma Văn Kháng' });
    await t.make.user(caoBang, { fullName: 'Nông Thị Lan' });
    await courseCertificate(t.db, mai.id, '2024-06-01T03:00:00Z', { issuer: haGiang, hours: 8 });
    auth = {
      admin: await t.tokenFor(admin.username),
      hrTq: await t.tokenFor(hrTq.username),
      hrCb: await t.tokenFor(hrCb.username),
    };
    await t.http
      .post(`/api/org-units/${haGiang.id}/merge`)
      .set('Authorization', auth.admin)
      .send({ targetId: tuyenQuang.id, effectiveDate: '2025-07-01' })
      .expect(200);
    official = await stored(ministry, 2024, { official: true });
    ownCb = await stored(caoBang, 2024, { by: hrCb.id });
  });

  afterAll(async () => {
    await t?.close();
    const redis = new Redis(redisOptionsFromUrl(t.config.redisUrl));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lists the official reports and one’s own requests, not other offices’ requests', async () => {
    const ids = async (token: string, query = '') =>
      (await get(token, query).expect(200)).body.map((r: { id: string }) => r.id);
    expect(await ids(auth.hrTq)).toContain(official);
    expect(await ids(auth.hrTq)).not.toContain(ownCb);
    expect(await ids(auth.hrCb)).toEqual(expect.arrayContaining([official, ownCb]));
    const [first] = (await get(auth.hrCb, `?orgUnitId=${caoBang.id}&year=2024`).expect(200)).body;
    expect(first).toEqual({
      id: expect.any(String),
      year: 2024,
      orgUnitId: expect.any(String),
      orgUnitCode: expect.any(String),
      orgUnitName: expect.any(String),
      official: expect.any(Boolean),
      generatedAt: expect.any(String),
    });
    // The absorbed unit's years are the successor's to see; another province's are not.
    expect(await ids(auth.hrTq, `?orgUnitId=${haGiang.id}&year=2024`)).toEqual([official]);
    // Named as the report shows its unit (the ministry for the official one).
    const named = (await get(auth.hrTq, '?year=2024').expect(200)).body;
    expect(named.find((r: { id: string }) => r.id === official)).toMatchObject({
      orgUnitId: ministry.id,
      orgUnitCode: ministry.code,
      orgUnitName: 'Bộ Nội vụ',
    });
    await get(auth.hrCb, `?orgUnitId=${haGiang.id}`).expect(404);
    expect(await ids(auth.hrTq, '?year=2023')).toEqual([]);
    await get(auth.hrTq, '?year=abc').expect(400);
  });

  it('gives HR the rows of its subtree of the official report, the absorbed province included', async () => {
    const { rows, merges } = (await get(auth.hrTq, `/${official}`).expect(200)).body;
    // The history is explained: Hà Giang went into Tuyên Quang on 1 July 2025.
    expect(merges).toEqual([
      {
        unitId: haGiang.id,
        unitName: 'Tỉnh Hà Giang',
        successorId: tuyenQuang.id,
        successorName: 'Tỉnh Tuyên Quang',
        effectiveDate: '2025-07-01',
      },
    ]);
    const byUnit = new Map(rows.map((r: { orgUnitId: string }) => [r.orgUnitId, r]));
    expect([...byUnit.keys()].sort()).toEqual([haGiang.id, lungCu.id, tuyenQuang.id].sort());
    expect(byUnit.get(haGiang.id)).toMatchObject({
      dxStaff: 2,
      trained: 1,
      hours: 8,
      fullTime: { dxStaff: 1, trained: 1 },
      partTime: { dxStaff: 1, trained: 0 },
      requirementMet: 2,
    });
    const cb = (await get(auth.hrCb, `/${official}`).expect(200)).body.rows;
    expect(cb.map((r: { orgUnitId: string }) => r.orgUnitId)).toEqual([caoBang.id]);
    // The whole report for a sysadmin.
    expect((await get(auth.admin, `/${official}`).expect(200)).body.rows).toHaveLength(5);
  });

  it('exports only those rows, with the separator asked for', async () => {
    const res = await get(auth.hrTq, `/${official}/export?format=csv&separator=%3B`).expect(200);
    const records: string[][] = parse(res.text, { bom: true, delimiter: ';' });
    const names = records.slice(1).map((r) => r[1]);
    expect(names).toEqual(
      expect.arrayContaining(['Tỉnh Hà Giang', 'Xã Lũng Cú', 'Tỉnh Tuyên Quang']),
    );
    expect(names).not.toContain('Tỉnh Cao Bằng');
    expect(names).not.toContain('Bộ Nội vụ');
    await get(auth.hrTq, `/${official}/export?format=csv&separator=tab`).expect(400);
  });

  it('lets the successor’s HR request and read the absorbed unit’s earlier years, nobody else', async () => {
    const asked = await t.http
      .post('/api/reports/coverage')
      .set('Authorization', auth.hrTq)
      .send({ year: 2024, orgUnitId: haGiang.id })
      .expect(202);
    expect(asked.body.jobId).toMatch(/^coverage-/);
    await t.http
      .post('/api/reports/coverage')
      .set('Authorization', auth.hrCb)
      .send({ year: 2024, orgUnitId: haGiang.id })
      .expect(404);
    // After the merge the unit no longer exists: its successor's report covers it.
    const gone = await t.http
      .post('/api/reports/coverage')
      .set('Authorization', auth.hrTq)
      .send({ year: 2025, orgUnitId: haGiang.id })
      .expect(400);
    expect(gone.body.errors).toEqual([
      expect.objectContaining({
        field: 'orgUnitId',
        code: 'unit_not_in_year',
        params: { date: '31/12/2025' },
      }),
    ]);

    const byAdmin = await stored(haGiang, 2024, {});
    const whole = (await get(auth.hrTq, `/${byAdmin}`).expect(200)).body.rows;
    expect(whole.map((r: { orgUnitId: string }) => r.orgUnitId).sort()).toEqual(
      [haGiang.id, lungCu.id].sort(),
    );
    await get(auth.hrCb, `/${byAdmin}`).expect(404);
  });
});
