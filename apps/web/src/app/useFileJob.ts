import type { QueryKey } from '@tanstack/react-query';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiFile } from '../api/client';
import { saveBlob } from './save-blob';

const POLL_MS = 1_000;

/** What every file job's status answer has (activation slips, certificate export…). */
export interface FileJobStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed';
}

/** A job that makes one file: the status says where it is, once completed. */
export interface OneFileJobStatus extends FileJobStatus {
  downloadUrl?: string;
}

/** How to ask for a kind of file job (with `input`), follow it and fetch its files. */
export interface FileJobApi<I, S extends FileJobStatus> {
  request: (input: I) => Promise<{ jobId: string }>;
  statusKey: (jobId: string) => QueryKey;
  fetchStatus: (jobId: string, signal: AbortSignal) => Promise<S>;
  download: (url: string) => Promise<ApiFile | null>;
}

const finished = (s: FileJobStatus | undefined) =>
  s?.state === 'completed' || s?.state === 'failed';

/**
 * A job the worker makes files for: asks for it, polls its status until it is completed or
 * failed (a 4xx stops polling) and saves any of its files on demand, under the server's
 * file name or the one given. A `download` that answers null (a URL outside the API, e.g.
 * presigned storage) is opened by the browser instead.
 */
export function useFileJobFiles<I, S extends FileJobStatus>(api: FileJobApi<I, S>) {
  const [current, setCurrent] = useState<{ id: string; input: I } | null>(null);
  const [saveError, setSaveError] = useState(false);

  const request = useMutation({
    mutationFn: api.request,
    onSuccess: ({ jobId }, input) => {
      setSaveError(false);
      setCurrent({ id: jobId, input });
    },
  });

  const status = useQuery({
    queryKey: api.statusKey(current?.id ?? ''),
    queryFn: ({ signal }) => api.fetchStatus(current?.id as string, signal),
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

  const { download } = api;
  const save = useCallback(
    (url: string, fileName: string) =>
      download(url)
        .then((file) => {
          if (!file) window.location.assign(url);
          else saveBlob(file.blob, file.fileName ?? fileName);
        })
        .catch(() => setSaveError(true)),
    [download],
  );

  return {
    start: (input: I) => request.mutate(input),
    job: current,
    state,
    save,
    failed: state?.state === 'failed' || status.isError,
    requestError: request.error,
    saveError,
    busy: request.isPending || (!!current && !finished(state) && !status.isError),
  };
}

/**
 * A job that makes one file in the format asked for (certificate export, people export):
 * `useFileJobFiles`, saving the file once, as soon as it is completed.
 */
export function useFileJob<F extends string, S extends OneFileJobStatus>(
  api: FileJobApi<F, S> & { fileName: (format: F) => string },
) {
  const files = useFileJobFiles(api);
  const saved = useRef<string | null>(null);
  const { state, job, save } = files;
  const { fileName } = api;
  useEffect(() => {
    const url = state?.state === 'completed' ? state.downloadUrl : undefined;
    if (!url || !job || saved.current === job.id) return;
    saved.current = job.id;
    void save(url, fileName(job.input));
  }, [state, job, save, fileName]);
  return files;
}
