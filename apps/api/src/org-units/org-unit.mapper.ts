import type { OrgUnitResponse, PendingOrgUnitMerge } from '@dx/contracts';
import type { OrgUnitEntity } from '@dx/db';

export function toOrgUnitResponse(
  u: OrgUnitEntity,
  pendingMerge?: PendingOrgUnitMerge,
): OrgUnitResponse {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: u.successorId,
    pendingMerge: pendingMerge ?? null,
  };
}
