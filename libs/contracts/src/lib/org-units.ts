import type { PageQuery } from './http';

export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  /** A merge decided for a later date (`POST /org-units/:id/merge`), not applied yet. */
  pendingMerge: PendingOrgUnitMerge | null;
}

/** A scheduled merge: from `effectiveDate` the unit closes and its people join the target. */
export interface PendingOrgUnitMerge {
  targetId: string;
  targetCode: string;
  targetName: string;
  effectiveDate: string;
}

/** `GET /api/me/org-unit`: the caller's unit with its ancestors from the root, for display. */
export interface MyOrgUnitResponse {
  id: string;
  code: string;
  name: string;
  /** Root first, the unit itself last. */
  path: { id: string; code: string; name: string }[];
}

/**
 * `PATCH /api/org-units/:id` (hr in scope, sysadmin): today's name of an open unit. What
 * was issued or reported earlier keeps the name it had (certificates and stored reports
 * carry their own copy).
 */
export interface RenameOrgUnitRequest {
  name: string;
}

/** `POST /api/org-units`. */
export interface CreateOrgUnitRequest {
  /** Letters, digits, ".", "_" or "-"; stored upper-case. */
  code: string;
  name: string;
  /** Null for a root (a province). */
  parentId: string | null;
  /** YYYY-MM-DD from which the unit exists (default: today). */
  validFrom?: string;
}

/** `POST /api/org-units/:id/merge`: the unit's people and children move to `targetId` on that day. */
export interface MergeOrgUnitRequest {
  targetId: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
}

/** `GET /api/org-units`. */
export interface OrgUnitListQuery extends PageQuery {
  parentId?: string;
  includeClosed?: boolean;
}
