import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import { createLearningWorld, type LearningWorld, type Person } from './learning-world';

/** A row of the staff list HR imports: no password, as every imported person starts. */
export interface NewcomerRow {
  username: string;
  fullName: string;
  email: string;
}

/**
 * The accounts journey's world: a unit with published courses (the learning world), an hr
 * officer of that unit with a password, and the staff list of three newcomers HR imports.
 */
export interface OnboardingWorld {
  learning: LearningWorld;
  unit: { id: string; code: string; name: string };
  hr: Person;
  /** [on paper only, with an email, known to the identity provider]. */
  newcomers: [NewcomerRow, NewcomerRow, NewcomerRow];
}

/** The import file as an HR office saves it from a spreadsheet: UTF-8 with BOM, CRLF. */
export function staffListCsv(unitCode: string, rows: NewcomerRow[]): Buffer {
  const lines = [
    'username,fullName,email,orgUnitCode,jobTitle,dxRole',
    ...rows.map((r) =>
      [r.username, r.fullName, r.email, unitCode, 'Công chức văn hóa - xã hội', 'part_time'].join(
        ',',
      ),
    ),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

export async function createOnboardingWorld(state: E2eState): Promise<OnboardingWorld> {
  const learning = await createLearningWorld(state);
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const unit = await admin.get<{ id: string; code: string; name: string }>(
    `/org-units/${learning.orgUnitId}`,
  );
  const hr: Person = {
    username: `hr.onboard.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
    fullName: 'Phạm Thị Tổ Chức',
  };
  await admin.post('/users', {
    ...hr,
    orgUnitId: unit.id,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });
  const newcomer = (name: string, fullName: string, email: string): NewcomerRow => ({
    username: `${name}.${suffix}`,
    fullName,
    email,
  });
  return {
    learning,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    hr,
    newcomers: [
      newcomer('an.nv', 'Nguyễn Văn An', ''),
      newcomer('binh.tt', 'Trần Thị Bình', `binh.tt.${suffix}@xa-minh-xuan.gov.vn`),
      newcomer('cuong.lh', 'Lê Hữu Cường', `cuong.lh.${suffix}@xa-minh-xuan.gov.vn`),
    ],
  };
}
