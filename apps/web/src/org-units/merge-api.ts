import type { MergeOrgUnitRequest, OrgUnitResponse, Paginated, UserResponse } from '@dx/contracts';
import { api } from '../api/client';
import { fetchOrgUnitChildren } from './api';

/** `POST /api/org-units/:id/merge`: today or earlier applies now, a later date schedules. */
export function mergeOrgUnit(unitId: string, body: MergeOrgUnitRequest): Promise<OrgUnitResponse> {
  return api.post<OrgUnitResponse>('/org-units/{id}/merge', body, { path: { id: unitId } });
}

/** `DELETE /api/org-units/:id/merge`: cancels the unit's scheduled merge. */
export function cancelOrgUnitMerge(unitId: string): Promise<void> {
  return api.delete('/org-units/{id}/merge', { path: { id: unitId } });
}

/** What a merge moves, for the dialog's preview. */
export interface MergePreview {
  /** Child units (first page): they will hang under the target with their people. */
  children: Paginated<OrgUnitResponse>;
  /** Everyone in the unit's subtree (first page; `total` counts them all). */
  people: Paginated<UserResponse>;
}

export async function fetchMergePreview(
  unitId: string,
  signal?: AbortSignal,
): Promise<MergePreview> {
  const params = new URLSearchParams({ orgUnitId: unitId, page: '1', pageSize: '100' });
  const [children, people] = await Promise.all([
    fetchOrgUnitChildren(unitId, 1, signal),
    api.get<Paginated<UserResponse>>('/users', { query: params, signal }),
  ]);
  return { children, people };
}

/** Today's date (YYYY-MM-DD) in Vietnam, the day the API compares effective dates with. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
