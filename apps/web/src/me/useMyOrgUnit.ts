import type { MyOrgUnitResponse } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** The caller's unit with its ancestors' names (root first), for the profile. */
export function useMyOrgUnit() {
  return useQuery({
    queryKey: ['me', 'org-unit'],
    queryFn: ({ signal }) => api.get<MyOrgUnitResponse>('/me/org-unit', { signal }),
    staleTime: 10 * 60_000,
  });
}
