import { useQuery } from '@tanstack/react-query';
import { certificateKeys, fetchMyCertificates } from '../api';

export function useMyCertificates() {
  return useQuery({
    queryKey: certificateKeys.mine,
    queryFn: ({ signal }) => fetchMyCertificates(signal),
    // A pending certificate turns into an issued one within seconds (the worker renders it).
    refetchInterval: (query) =>
      query.state.data?.some((c) => c.status === 'pending') ? 5_000 : false,
  });
}
