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
