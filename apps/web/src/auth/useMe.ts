import { useQuery } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from './api';
import { useAccessToken } from './useAuth';

/** The logged-in user (GET /api/me); idle while logged out. */
export function useMe() {
  const token = useAccessToken();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
}
