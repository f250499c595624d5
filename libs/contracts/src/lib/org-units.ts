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
