import type { Role } from '../api/types';

/** Roles that see an administration screen (the API's rule for the same actions). */
export const ORG_UNIT_ADMIN_ROLES: readonly Role[] = ['hr', 'sysadmin'];
export const PEOPLE_ADMIN_ROLES: readonly Role[] = ['hr', 'sysadmin'];
export const CURRICULUM_EDITOR_ROLES: readonly Role[] = ['trainer', 'sysadmin'];
export const PRIVACY_ROLES: readonly Role[] = ['hr', 'sysadmin'];
export const AUDIT_ROLES: readonly Role[] = ['sysadmin'];
/** Yearly requirements and recorded training: HR of a subtree, sysadmins (the API's rule). */
export const TRAINING_CYCLE_ROLES: readonly Role[] = ['hr', 'sysadmin'];

export interface AdminScreen {
  key:
    | 'people'
    | 'orgUnits'
    | 'curricula'
    | 'requirements'
    | 'trainingRecords'
    | 'privacy'
    | 'auditLog'
    | 'signingKeys'
    | 'queues';
  path: string;
  roles: readonly Role[];
}

/** The administration hub's cards, in order. */
export const ADMIN_SCREENS: readonly AdminScreen[] = [
  { key: 'people', path: '/admin/people', roles: PEOPLE_ADMIN_ROLES },
  { key: 'orgUnits', path: '/admin/org-units', roles: ORG_UNIT_ADMIN_ROLES },
  { key: 'curricula', path: '/admin/curricula', roles: CURRICULUM_EDITOR_ROLES },
  { key: 'requirements', path: '/admin/requirements', roles: TRAINING_CYCLE_ROLES },
  { key: 'trainingRecords', path: '/admin/training-records', roles: TRAINING_CYCLE_ROLES },
  { key: 'privacy', path: '/admin/privacy', roles: PRIVACY_ROLES },
  { key: 'auditLog', path: '/admin/audit-log', roles: AUDIT_ROLES },
  { key: 'signingKeys', path: '/certificates/keys', roles: ['sysadmin'] },
  { key: 'queues', path: '/system/queues', roles: ['sysadmin'] },
];

/** Every role that sees at least one screen: they get the "Quản trị" menu entry. */
export const ADMIN_ROLES: readonly Role[] = [...new Set(ADMIN_SCREENS.flatMap((s) => s.roles))];
