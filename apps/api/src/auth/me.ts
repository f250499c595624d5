import type { MeResponse } from '@dx/contracts';

/** `GET /api/me` of an account (any object with those fields, e.g. the users feature's row). */
export function toMe(user: MeResponse): MeResponse {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    orgUnitId: user.orgUnitId,
    roles: user.roles,
    dxRole: user.dxRole,
  };
}
