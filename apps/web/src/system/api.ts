import type { QueueJobView, QueuesDashboard } from '@dx/contracts';
import { api } from '../api/client';

export const queuesQueryKey = ['system', 'queues'] as const;

export function fetchQueues(signal?: AbortSignal): Promise<QueuesDashboard> {
  return api.get<QueuesDashboard>('/system/queues', { signal });
}

export function fetchFailedJobs(queue: string, signal?: AbortSignal): Promise<QueueJobView[]> {
  return api.get<QueueJobView[]>('/system/queues/{name}/jobs', {
    path: { name: queue },
    query: `state=failed&pageSize=20`,
    signal,
  });
}

export function retryJob(queue: string, jobId: string): Promise<void> {
  return api.post<void>('/system/queues/{name}/jobs/{jobId}/retry', undefined, {
    path: { name: queue, jobId },
  });
}
