import type { MeResponse } from '@dx/contracts';
import type { UserEntity } from '@dx/db';

export function toMe(
  user: Pick<UserEntity, 'id' | 'username' | 'fullName' | 'orgUnitId' | 'roles' | 'dxRole'>,
): MeResponse {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    orgUnitId: user.orgUnitId,
    roles: user.roles,
    dxRole: user.dxRole,
  };
}
