import { useQuery } from '@tanstack/react-query';
import { fetchCoverageReport, reportKeys } from '../api';

/** A completed report; it never changes once computed. */
export function useCoverageReport(reportId: string) {
  return useQuery({
    queryKey: reportKeys.report(reportId),
    queryFn: ({ signal }) => fetchCoverageReport(reportId, signal),
    staleTime: Infinity,
  });
}
