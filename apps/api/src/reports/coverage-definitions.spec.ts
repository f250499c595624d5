import type { OrgUnitEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import { computeCoverage, courseCertificate, membershipHistory } from './coverage.fixtures';

/**
 * The contract's definitions, checked row by row against the real SQL (libs/reports
 * coverage-calculation.ts): DX staff on 31 December, trained within the calendar year in
 * Vietnam's time zone, revoked certificates ignored, subtree sums, and history across a
 * merge made through the real endpoint.
 */
describe('coverage report definitions (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  describe('one province in 2024, 2025 and 2026', () => {
    let prov: OrgUnitEntity;
    let dept: OrgUnitEntity;
    let communeX: OrgUnitEntity;
    let communeY: OrgUnitEntity;
    let empty: OrgUnitEntity;

    beforeAll(async () => {
      prov = await t.make.unit(null, 'Tỉnh Tuyên Quang');
      dept = await t.make.unit(prov, 'Sở Nội vụ');
      communeX = await t.make.unit(prov, 'Xã Minh Quang');
      communeY = await t.make.unit(prov, 'Xã Lâm Bình');
      empty = await t.make.unit(prov, 'Phường Mỹ Lâm');
      const cert = (
        userId: string,
        at: string,
        opts: { hours?: number; status?: 'pending' | 'revoked' } = {},
      ) => courseCertificate(t.db, userId, at, { issuer: prov, ...opts });
      const person = (
        unit: OrgUnitEntity,
        dxRole: 'full_time' | 'part_time' | 'none',
        fullName: string,
      ) => t.make.user(unit, { dxRole, fullName }).then((u) => u.id);

      // Trained twice in 2025: counted once, both certificates and all hours add up.
      const hoa = await person(communeX, 'full_time', 'Nguyễn Thị Hoa');
      await cert(hoa, '2025-05-10T03:00:00Z', { hours: 8 });
      await cert(hoa, '2025-11-01T03:00:00Z', { hours: 4, status: 'pending' });
      // 2025-12-31T18:00Z is 01:00 on 1 January 2026 in Vietnam.
      const pao = await person(communeX, 'part_time', 'Lò Văn Páo');
      await cert(pao, '2025-12-31T18:00:00Z');
      const lan = await person(communeX, 'full_time', 'Trần Thị Lan');
      await cert(lan, '2025-03-01T03:00:00Z', { status: 'revoked' });
      const tuan = await person(communeX, 'none', 'Phạm Anh Tuấn');
      await cert(tuan, '2025-04-01T03:00:00Z');
      // Left on 30 June 2025: staff in 2024, not at the end of 2025.
      const minh = await person(communeX, 'full_time', 'Vũ Đức Minh');
      await membershipHistory(t.db, minh, [[communeX, 'full_time', '2000-01-01', '2025-06-30']]);
      await cert(minh, '2025-02-01T03:00:00Z');
      // DX role from 1 June 2025; a course earlier that year still counts for 2025.
      const thu = await person(dept, 'full_time', 'Đặng Thị Thu');
      await membershipHistory(t.db, thu, [
        [dept, 'none', '2000-01-01', '2025-06-01'],
        [dept, 'full_time', '2025-06-01', null],
      ]);
      await cert(thu, '2025-03-15T03:00:00Z', { hours: 6 });
      // 2024-12-31T17:00Z is exactly 00:00 on 1 January 2025 in Vietnam: 2025, not 2024.
      const duc = await person(prov, 'full_time', 'Hoàng Văn Đức');
      await cert(duc, '2024-12-31T17:00:00Z');
      // Moved from the department to Lâm Bình in September: counts where they were on 31 December.
      const nga = await person(communeY, 'full_time', 'Bùi Thị Nga');
      await membershipHistory(t.db, nga, [
        [dept, 'full_time', '2000-01-01', '2025-09-01'],
        [communeY, 'full_time', '2025-09-01', null],
      ]);
      await cert(nga, '2025-03-01T03:00:00Z');
    });

    it('counts DX staff on 31 December and those trained within the year in Vietnam time', async () => {
      const rows = await computeCoverage(t.db, prov, 2025);
      expect(rows.get(communeX.id)).toEqual({
        name: 'Xã Minh Quang',
        parentId: prov.id,
        depth: 1,
        dxStaff: 3, // Hoa, Páo, Lan — not Tuấn (no DX role), not Minh (left)
        trained: 1, // Hoa — Páo's course is 2026, Lan's certificate is revoked
        hours: 12,
        certificates: 2,
      });
      expect(rows.get(dept.id)).toMatchObject({
        dxStaff: 1,
        trained: 1,
        hours: 6,
        certificates: 1,
      });
      expect(rows.get(communeY.id)).toMatchObject({
        dxStaff: 1,
        trained: 1,
        hours: 8,
        certificates: 1,
      });
      expect(rows.get(empty.id)).toMatchObject({
        dxStaff: 0,
        trained: 0,
        hours: 0,
        certificates: 0,
      });
    });

    it('sums every subtree into its parent (own people plus all descendants)', async () => {
      const rows = await computeCoverage(t.db, prov, 2025);
      expect(rows.size).toBe(5);
      expect(rows.get(prov.id)).toEqual({
        name: 'Tỉnh Tuyên Quang',
        parentId: null,
        depth: 0,
        dxStaff: 6, // 3 + 1 + 1 + 0 below, Đức in the province itself
        trained: 4,
        hours: 34,
        certificates: 5,
      });
      // A report of a subtree stands on its own root.
      const sub = await computeCoverage(t.db, communeX, 2025);
      expect([...sub.keys()]).toEqual([communeX.id]);
      expect(sub.get(communeX.id)).toMatchObject({
        parentId: null,
        depth: 0,
        dxStaff: 3,
        trained: 1,
      });
    });

    it('takes the year boundaries in Vietnam time and the people of that year end', async () => {
      const y2024 = await computeCoverage(t.db, prov, 2024);
      // Minh still belonged; Nga was in the department; Thu had no DX role yet.
      expect(y2024.get(communeX.id)).toMatchObject({ dxStaff: 4, trained: 0 });
      expect(y2024.get(dept.id)).toMatchObject({ dxStaff: 1, trained: 0 });
      expect(y2024.get(prov.id)).toMatchObject({
        dxStaff: 6,
        trained: 0,
        hours: 0,
        certificates: 0,
      });
      const y2026 = await computeCoverage(t.db, prov, 2026);
      expect(y2026.get(communeX.id)).toMatchObject({
        dxStaff: 3,
        trained: 1,
        hours: 8,
        certificates: 1,
      });
    });
  });

  describe('a merge in mid-2025', () => {
    it('keeps the merged unit and its people in 2024, and counts them in the successor in 2025', async () => {
      const ministry = await t.make.unit(null, 'Bộ Nội vụ');
      const haGiang = await t.make.unit(ministry, 'Tỉnh Hà Giang');
      const tuyenQuang = await t.make.unit(ministry, 'Tỉnh Tuyên Quang');
      const lungCu = await t.make.unit(haGiang, 'Xã Lũng Cú');
      const admin = await t.make.user(ministry, { roles: ['sysadmin'], dxRole: 'none' });
      const giang = await t.make.user(haGiang, { fullName: 'Giàng Thị Mai' });
      const sung = await t.make.user(lungCu, { fullName: 'Sùng Mí Chớ' });
      await t.make.user(tuyenQuang, { fullName: 'Ma Văn Kháng' });
      await courseCertificate(t.db, giang.id, '2024-06-01T03:00:00Z', { issuer: haGiang });
      await courseCertificate(t.db, sung.id, '2025-08-01T03:00:00Z', {
        issuer: tuyenQuang,
        hours: 16,
      });

      await t.http
        .post(`/api/org-units/${haGiang.id}/merge`)
        .set('Authorization', await t.tokenFor(admin.username))
        .send({ targetId: tuyenQuang.id, effectiveDate: '2025-07-01' })
        .expect(200);

      const y2024 = await computeCoverage(t.db, ministry, 2024);
      expect(y2024.get(haGiang.id)).toMatchObject({
        name: 'Tỉnh Hà Giang',
        dxStaff: 2,
        trained: 1,
        hours: 8,
      });
      expect(y2024.get(lungCu.id)).toMatchObject({
        parentId: haGiang.id,
        depth: 2,
        dxStaff: 1,
        trained: 0,
      });
      expect(y2024.get(tuyenQuang.id)).toMatchObject({ dxStaff: 1, trained: 0 });
      expect(y2024.get(ministry.id)).toMatchObject({ dxStaff: 3, trained: 1 });

      const y2025 = await computeCoverage(t.db, ministry, 2025);
      expect(y2025.has(haGiang.id)).toBe(false);
      expect(y2025.get(lungCu.id)).toMatchObject({
        parentId: tuyenQuang.id,
        depth: 2,
        dxStaff: 1,
        trained: 1,
      });
      expect(y2025.get(tuyenQuang.id)).toMatchObject({
        dxStaff: 3,
        trained: 1,
        hours: 16,
        certificates: 1,
      });
      expect(y2025.get(ministry.id)).toMatchObject({ dxStaff: 3, trained: 1 });
    });
  });
});
