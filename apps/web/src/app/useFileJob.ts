import type { QueryKey } from '@tanstack/react-query';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiFile } from '../api/client';
import { saveBlob } from './save-blob';

const POLL_MS = 1_000;

/** What every file job's status answer has (certificate export, people export…). */
export interface FileJobStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  downloadUrl?: string;
}

const finished = (s: FileJobStatus | undefined) =>
  s?.state === 'completed' || s?.state === 'failed';

/**
 * A file made by the worker on request: asks for it in a format, polls its status until it
 * is completed or failed (a 4xx stops polling), then saves the file once under the
 * server's file name (or `fileName(format)`). A `download` that answers null (a URL outside
 * the API, e.g. presigned storage) is opened by the browser instead.
 */
export function useFileJob<F extends string, S extends FileJobStatus>(job: {
  request: (format: F) => Promise<{ jobId: string }>;
  statusKey: (jobId: string) => QueryKey;
  fetchStatus: (jobId: string, signal: AbortSignal) => Promise<S>;
  download: (downloadUrl: string) => Promise<ApiFile | null>;
  fileName: (format: F) => string;
}) {
  const [current, setCurrent] = useState<{ id: string; format: F } | null>(null);
  const [saveError, setSaveError] = useState(false);
  const saved = useRef<string | null>(null);

  const request = useMutation({
    mutationFn: job.request,
    onSuccess: ({ jobId }, format) => {
      setSaveError(false);
      setCurrent({ id: jobId, format });
    },
  });

  const status = useQuery({
    queryKey: job.statusKey(current?.id ?? ''),
    queryFn: ({ signal }) => job.fetchStatus(current?.id as string, signal),
    enabled: !!current,
    refetchInterval: (query) => {
      if (finished(query.state.data)) return false;
      const error = query.state.error;
      if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
      return POLL_MS;
    },
    staleTime: 0,
  });
  const state = status.data;

  const { download, fileName } = job;
  useEffect(() => {
    const url = state?.state === 'completed' ? state.downloadUrl : undefined;
    if (!url || !current || saved.current === current.id) return;
    saved.current = current.id;
    download(url)
      .then((file) => {
        if (!file) window.location.assign(url);
        else saveBlob(file.blob, file.fileName ?? fileName(current.format));
      })
      .catch(() => setSaveError(true));
  }, [state, current, download, fileName]);

  return {
    start: (format: F) => request.mutate(format),
    job: current,
    state,
    failed: state?.state === 'failed' || status.isError,
    requestError: request.error,
    saveError,
    busy: request.isPending || (!!current && !finished(state) && !status.isError),
  };
}
