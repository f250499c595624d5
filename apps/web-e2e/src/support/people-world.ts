import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import type { Credentials } from './learner-session';

/** An HR officer's unit with one unit under it, made through the API for one spec. */
export interface PeopleWorld {
  hr: Credentials;
  unit: { id: string; name: string };
  child: { id: string; name: string };
  /** Unique to this run: usernames and names of people the spec adds carry it. */
  suffix: string;
}

export async function createPeopleWorld(state: E2eState): Promise<PeopleWorld> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const code = suffix.toUpperCase();
  const unit = await admin.post<{ id: string; name: string }>('/org-units', {
    code: `NS-${code}`,
    name: `Sở Nội vụ (thử nghiệm ${suffix})`,
    parentId: me.orgUnitId,
  });
  const child = await admin.post<{ id: string; name: string }>('/org-units', {
    code: `NS-${code}-P1`,
    name: `Phòng Công chức (thử nghiệm ${suffix})`,
    parentId: unit.id,
  });
  const hr = {
    username: `hr.ns.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
  };
  await admin.post('/users', {
    ...hr,
    fullName: 'Đặng Thị Tổ Chức',
    orgUnitId: unit.id,
    dxRole: 'part_time',
    roles: ['learner', 'hr'],
  });
  return { hr, unit, child, suffix };
}
