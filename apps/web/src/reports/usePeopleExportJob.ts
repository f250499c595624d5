import type { PeopleExportStatus, PeopleReportStatus } from '@dx/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import { saveBlob } from '../app/save-blob';
import {
  downloadPeopleExport,
  fetchPeopleExport,
  peopleKeys,
  requestPeopleExport,
} from './people-api';

const POLL_MS = 1_000;

const finished = (s: PeopleExportStatus | undefined) =>
  s?.state === 'completed' || s?.state === 'failed';

/**
 * A people list made into a file by the worker (large subtrees: a province): asks for it,
 * follows its progress and saves the file once ready, under the server's file name.
 */
export function usePeopleExportJob(filter: {
  orgUnitId: string;
  year: number;
  status: PeopleReportStatus;
}) {
  const [job, setJob] = useState<{ id: string; format: 'csv' | 'xlsx' } | null>(null);
  const [saveError, setSaveError] = useState(false);
  const saved = useRef<string | null>(null);

  const request = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => requestPeopleExport(filter, format),
    onSuccess: ({ jobId }, format) => {
      setSaveError(false);
      setJob({ id: jobId, format });
    },
  });

  const status = useQuery({
    queryKey: peopleKeys.exportJob(job?.id ?? ''),
    queryFn: ({ signal }) => fetchPeopleExport(job?.id as string, signal),
    enabled: !!job,
    refetchInterval: (query) => {
      if (finished(query.state.data)) return false;
      const error = query.state.error;
      if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
      return POLL_MS;
    },
    staleTime: 0,
  });
  const state = status.data;

  useEffect(() => {
    const url = state?.state === 'completed' ? state.downloadUrl : undefined;
    if (!url || !job || saved.current === job.id) return;
    saved.current = job.id;
    downloadPeopleExport(url)
      .then((file) =>
        saveBlob(file.blob, file.fileName ?? `danh-sach-${filter.year}.${job.format}`),
      )
      .catch(() => setSaveError(true));
  }, [state, job, filter.year]);

  return {
    start: (format: 'csv' | 'xlsx') => request.mutate(format),
    job,
    state,
    failed: state?.state === 'failed' || status.isError,
    requestError: request.error,
    saveError,
    busy: request.isPending || (!!job && !finished(state) && !status.isError),
  };
}
