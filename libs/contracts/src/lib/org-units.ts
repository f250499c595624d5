export interface OrgUnitResponse {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
}
