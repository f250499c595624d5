import type { UserResponse } from '@dx/contracts';
import type { UserEntity } from '@dx/db';

/** The only way a user leaves the API: never with a password hash. */
export function toUserResponse(u: UserEntity): UserResponse {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    dateOfBirth: u.dateOfBirth,
    orgUnitId: u.orgUnitId,
    jobTitle: u.jobTitle,
    dxRole: u.dxRole,
    roles: u.roles,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
