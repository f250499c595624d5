import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import { createCoverageWorld, person, type CoverageWorld } from './coverage-world';
import type { E2eState } from './e2e-env';
import type { Person } from './learning-world';

/**
 * Untrained people of the large commune: one more than the people page downloads at once
 * (its DIRECT_EXPORT_MAX, 2,000), so the page has their file made by the worker.
 */
export const LARGE_COMMUNE_UNTRAINED = 2_001;

export interface LargeCommune {
  id: string;
  code: string;
  name: string;
  /** Every untrained person of the commune: username → full name. */
  untrained: Map<string, string>;
  /** The one person of the commune who completed the course. */
  trained: Person;
}

export interface LargeCommuneWorld extends CoverageWorld {
  large: LargeCommune;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh'];
const GIVEN = [
  'Ánh',
  'Bảo',
  'Cường',
  'Dũng',
  'Giang',
  'Hằng',
  'Khánh',
  'Lộc',
  'Mỹ',
  'Nhật',
  'Phước',
  'Quế',
  'Sơn',
  'Thủy',
  'Uyên',
  'Việt',
  'Xuân',
  'Yến',
];

/** A staff list as HR keeps it: the import's own columns, UTF-8 with a BOM. */
function staffList(unitCode: string, people: Map<string, string>): Buffer {
  const lines = ['username,fullName,orgUnitCode,dxRole'];
  for (const [username, fullName] of people) {
    lines.push([username, fullName, unitCode, 'full_time'].join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * The coverage world plus a third commune of the province, filled the way a real one is:
 * its staff list imported through `POST /api/users/import` (2,001 people who have not
 * trained) and one more person, created with a password, who completes the course.
 */
export async function createLargeCommuneWorld(state: E2eState): Promise<LargeCommuneWorld> {
  const world = await createCoverageWorld(state);
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const commune = await admin.post<{ id: string; code: string; name: string }>('/org-units', {
    code: `XA-LON-${suffix.toUpperCase()}`,
    name: `Xã Cẩm Lệ ${suffix}`,
    parentId: world.province.id,
  });

  const untrained = new Map<string, string>();
  for (let i = 0; i < LARGE_COMMUNE_UNTRAINED; i++) {
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`;
    untrained.set(`cl.${suffix}.${i}`, name);
  }
  const imported = await admin.upload<{ created: number; errors: unknown[] }>('/users/import', {
    name: 'danh-sach-xa-cam-le.csv',
    type: 'text/csv',
    content: staffList(commune.code, untrained),
  });
  if (imported.created !== LARGE_COMMUNE_UNTRAINED || imported.errors.length) {
    throw new Error(`Staff list import: ${JSON.stringify(imported).slice(0, 600)}`);
  }

  const trained = person('cl.hoc', suffix, 'Trương Thị Đã Học');
  await admin.post('/users', {
    username: trained.username,
    password: trained.password,
    fullName: trained.fullName,
    orgUnitId: commune.id,
    dxRole: 'full_time',
    roles: ['learner'],
  });
  const learner = await ApiClient.login(state.baseUrl, trained.username, trained.password);
  await learner.post(`/courses/${world.course.id}/enroll`);
  await learner.post(`/lessons/${world.course.lessonId}/complete`);

  return { ...world, large: { ...commune, untrained, trained } };
}
