import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { fetchCoverageJob, isFinished, reportKeys } from '../api';

export const JOB_POLL_MS = 1_000;

/** A report job's state, polled every second until it has completed or failed. */
export function useCoverageJob(jobId: string | null) {
  return useQuery({
    queryKey: reportKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => fetchCoverageJob(jobId as string, signal),
    enabled: !!jobId,
    refetchInterval: (query) => {
      if (isFinished(query.state.data)) return false;
      // 404/403: the job is not (or no longer) ours to follow; asking again will not help.
      const error = query.state.error;
      if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
      return JOB_POLL_MS;
    },
    refetchIntervalInBackground: true,
    // Each answer is a new snapshot; an old one must not be shown as current.
    staleTime: 0,
    gcTime: 60_000,
  });
}
