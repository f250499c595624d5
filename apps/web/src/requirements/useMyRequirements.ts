import { useQuery } from '@tanstack/react-query';
import { fetchMyRequirements, requirementKeys } from './api';

/** The requirements of this year (or `year`) that apply to the signed-in person. */
export function useMyRequirements(year?: number) {
  return useQuery({
    queryKey: requirementKeys.mine(year),
    queryFn: ({ signal }) => fetchMyRequirements(year, signal),
    // The home asks for them, then mounts the card that reads them: fresh for a minute,
    // the card's mount does not fetch them a second time (and render the page again).
    staleTime: 60_000,
  });
}
