import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import { person } from './coverage-world';
import type { E2eState } from './e2e-env';
import type { Person } from './learning-world';
import { runAdminSql } from './pg';

interface Unit {
  id: string;
  code: string;
  name: string;
}

/**
 * Last year's official national report, as the worker makes it on 1 January: a province
 * (with a commune) and a sibling province that both existed then, and an HR officer of the
 * first, who may read only its subtree's rows of the national report.
 */
export interface OfficialReportWorld {
  year: number;
  root: Unit;
  province: Unit;
  commune: Unit;
  otherProvince: Unit;
  hr: Person;
  reportId: string;
}

/** This year in Vietnam, as the reports count it. */
export function yearInVietnam(): number {
  return Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );
}

export async function createOfficialReportWorld(state: E2eState): Promise<OfficialReportWorld> {
  const suffix = randomBytes(4).toString('hex');
  const code = suffix.toUpperCase();
  const year = yearInVietnam() - 1;
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const root = await admin.get<Unit>(`/org-units/${me.orgUnitId}`);
  // Units in force since the start of last year, so last year's tree holds them.
  const unit = (unitCode: string, name: string, parentId: string) =>
    admin.post<Unit>('/org-units', { code: unitCode, name, parentId, validFrom: `${year}-01-01` });
  const province = await unit(`TINH-BC-${code}`, `Tỉnh Lưu Trữ ${suffix}`, root.id);
  const commune = await unit(`XA-BC-${code}`, `Xã Lưu Trữ ${suffix}`, province.id);
  const otherProvince = await unit(`TINH-KHAC-${code}`, `Tỉnh Bên Cạnh ${suffix}`, root.id);

  const hr = person('hrbc', suffix, 'Đinh Thị Lưu Trữ');
  await admin.post('/users', {
    username: hr.username,
    password: hr.password,
    fullName: hr.fullName,
    orgUnitId: province.id,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });

  // The scheduled job of 1 January, handed to the real worker through the outbox.
  await runAdminSql(
    state.databaseUrl,
    `INSERT INTO outbox (queue, job_name, job_id, payload)
     VALUES ('reports', 'yearly-national-coverage', 'e2e-official-${year}-${suffix}', '{"year": ${year}}')`,
  );
  const asHr = await ApiClient.login(state.baseUrl, hr.username, hr.password);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const stored = await asHr.get<{ id: string; official: boolean; orgUnitId: string }[]>(
      `/reports/coverage?year=${year}`,
    );
    const official = stored.find((r) => r.official && r.orgUnitId === root.id);
    if (official)
      return { year, root, province, commune, otherProvince, hr, reportId: official.id };
    if (Date.now() > deadline) throw new Error(`No official report of ${year} after 60 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
