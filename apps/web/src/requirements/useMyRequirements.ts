import { useQuery } from '@tanstack/react-query';
import { fetchMyRequirements, requirementKeys } from './api';

/** The requirements of this year (or `year`) that apply to the signed-in person. */
export function useMyRequirements(year?: number) {
  return useQuery({
    queryKey: requirementKeys.mine(year),
    queryFn: ({ signal }) => fetchMyRequirements(year, signal),
  });
}
