import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import type { Person } from './learning-world';

export interface CoverageCommune {
  id: string;
  code: string;
  name: string;
  /** Full-time DX staff of the commune. */
  learners: Person[];
  /** How many of them completed the course (this year). */
  trained: number;
}

/**
 * A province with two communes, made through the API as the admin: an hr and a trainer at
 * the province (not DX staff themselves), full-time DX staff in the communes, and a
 * one-lesson course of the province that some of them completed — so certificates exist
 * and a coverage report of this year has known figures:
 *   commune A: 3 staff, 2 trained (66,7%); commune B: 2 staff, 1 trained (50,0%);
 *   province: 5 staff, 3 trained (60,0%).
 */
export interface CoverageWorld {
  province: { id: string; code: string; name: string };
  communes: [CoverageCommune, CoverageCommune];
  hr: Person;
  trainer: Person;
  course: { id: string; title: string; hours: number; lessonId: string };
}

export function person(prefix: string, suffix: string, fullName: string): Person {
  return {
    username: `${prefix}.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
    fullName,
  };
}

export async function createCoverageWorld(state: E2eState): Promise<CoverageWorld> {
  const suffix = randomBytes(4).toString('hex');
  const code = suffix.toUpperCase();
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');

  const unit = (unitCode: string, name: string, parentId: string) =>
    admin.post<{ id: string; code: string; name: string }>('/org-units', {
      code: unitCode,
      name,
      parentId,
    });
  const province = await unit(`TINH-${code}`, `Tỉnh Thử nghiệm ${suffix}`, me.orgUnitId);
  const communeA = await unit(`XA-A-${code}`, `Xã An Bình ${suffix}`, province.id);
  const communeB = await unit(`XA-B-${code}`, `Xã Bến Cát ${suffix}`, province.id);

  const createUser = (who: Person, orgUnitId: string, roles: string[], dxRole: string) =>
    admin.post('/users', {
      username: who.username,
      password: who.password,
      fullName: who.fullName,
      orgUnitId,
      dxRole,
      roles,
    });

  const hr = person('hr', suffix, 'Lê Thị Nhân Sự');
  const trainer = person('gv', suffix, 'Phạm Văn Giảng');
  await createUser(hr, province.id, ['learner', 'hr'], 'none');
  await createUser(trainer, province.id, ['learner', 'trainer'], 'none');

  const staffA = [
    person('a1', suffix, 'Nguyễn Văn Một'),
    person('a2', suffix, 'Trần Thị Hai'),
    person('a3', suffix, 'Lê Văn Ba'),
  ];
  const staffB = [person('b1', suffix, 'Hoàng Thị Bốn'), person('b2', suffix, 'Đỗ Văn Năm')];
  for (const who of staffA) await createUser(who, communeA.id, ['learner'], 'full_time');
  for (const who of staffB) await createUser(who, communeB.id, ['learner'], 'full_time');

  // A course of the province, so the communes' people see it in their catalog.
  const asTrainer = await ApiClient.login(state.baseUrl, trainer.username, trainer.password);
  const title = 'Kỹ năng số cho cán bộ cấp xã';
  const hours = 3;
  const course = await asTrainer.post<{ id: string }>('/courses', {
    code: `KNS-${code}`,
    title,
    hours,
  });
  const mod = await asTrainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1. Nhập môn',
  });
  const lesson = await asTrainer.post<{ id: string }>(`/modules/${mod.id}/lessons`, {
    title: 'Bài 1. Dịch vụ công trực tuyến',
    kind: 'text',
    content: 'Nội dung về **dịch vụ công trực tuyến** cấp xã.',
    durationMinutes: 15,
  });
  await asTrainer.post(`/courses/${course.id}/publish`);

  // Two of commune A's staff and one of commune B's complete it (a certificate each).
  for (const who of [staffA[0], staffA[1], staffB[0]]) {
    const learner = await ApiClient.login(state.baseUrl, who.username, who.password);
    await learner.post(`/courses/${course.id}/enroll`);
    await learner.post(`/lessons/${lesson.id}/complete`);
  }

  return {
    province,
    communes: [
      { ...communeA, learners: staffA, trained: 2 },
      { ...communeB, learners: staffB, trained: 1 },
    ],
    hr,
    trainer,
    course: { id: course.id, title, hours, lessonId: lesson.id },
  };
}
