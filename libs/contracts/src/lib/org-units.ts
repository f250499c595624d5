export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
}

/** `GET /api/me/org-unit`: the caller's unit with its ancestors from the root, for display. */
export interface MyOrgUnitResponse {
  id: string;
  code: string;
  name: string;
  /** Root first, the unit itself last. */
  path: { id: string; code: string; name: string }[];
}
