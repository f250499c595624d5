import type { UserResponse } from '@dx/contracts';
import type { UserEntity } from '@dx/db';
import type { AuthUser } from '../auth/auth-user';

/**
 * The only way a user leaves the API: never with a password hash, and with the national
 * ID number only for people managers (hr, sysadmin), who set it.
 */
export function toUserResponse(u: UserEntity, forManager = false): UserResponse {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    dateOfBirth: u.dateOfBirth,
    ...(forManager && { nationalId: u.nationalId }),
    orgUnitId: u.orgUnitId,
    jobTitle: u.jobTitle,
    dxRole: u.dxRole,
    roles: u.roles,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Whether the caller manages people (hr, sysadmin): who may see personal identifiers. */
export function managesPeople(caller: Pick<AuthUser, 'roles'>): boolean {
  return caller.roles.includes('hr') || caller.roles.includes('sysadmin');
}
