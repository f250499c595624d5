import type {
  CreateOrgUnitRequest,
  OrgUnitResponse,
  Paginated,
  RenameOrgUnitRequest,
} from '@dx/contracts';
import { api } from '../api/client';

export const ORG_UNITS_PAGE_SIZE = 100;

export const orgUnitKeys = {
  /** `parentId` null: the top of the caller's scope (their own unit; the roots for sysadmin). */
  children: (parentId: string | null, page: number) =>
    ['org-units', 'children', parentId, page] as const,
  detail: (id: string) => ['org-units', 'detail', id] as const,
};

export function fetchOrgUnitChildren(
  parentId: string | null,
  page: number,
  signal?: AbortSignal,
): Promise<Paginated<OrgUnitResponse>> {
  const params = new URLSearchParams({ page: String(page), pageSize: String(ORG_UNITS_PAGE_SIZE) });
  if (parentId) params.set('parentId', parentId);
  return api.get<Paginated<OrgUnitResponse>>('/org-units', { query: params, signal });
}

export function fetchOrgUnit(id: string, signal?: AbortSignal): Promise<OrgUnitResponse> {
  return api.get<OrgUnitResponse>('/org-units/{id}', { path: { id }, signal });
}

export type CreateOrgUnitInput = CreateOrgUnitRequest;

/** `POST /api/org-units` (sysadmin). */
export function createOrgUnit(input: CreateOrgUnitInput): Promise<OrgUnitResponse> {
  return api.post<OrgUnitResponse>('/org-units', input);
}

/** `PATCH /api/org-units/:id` (hr in scope, sysadmin): today's name; history keeps the old one. */
export function renameOrgUnit(id: string, name: string): Promise<OrgUnitResponse> {
  return api.patch<OrgUnitResponse>('/org-units/{id}', { name } satisfies RenameOrgUnitRequest, {
    path: { id },
  });
}
