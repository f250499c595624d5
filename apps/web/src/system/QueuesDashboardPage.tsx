import type { QueueOverview } from '@dx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDateTime } from '../i18n/format';
import { fetchFailedJobs, fetchQueues, queuesQueryKey, retryJob } from './api';
import './queues.css';

const COUNTS = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** Sysadmins: what the background queues are doing, and failed jobs to retry. */
export default function QueuesDashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('queues.title'));
  // Refreshed every 5 s while open: enough to watch a backlog drain.
  const queues = useQuery({
    queryKey: queuesQueryKey,
    queryFn: ({ signal }) => fetchQueues(signal),
    refetchInterval: 5_000,
  });
  const [open, setOpen] = useState<string | null>(null);
  // A queue added later shows as its technical name until it has a translation.
  const queueText = (name: string) => t(`queues.names.${name}`, { defaultValue: name });

  if (queues.isPending) return <PageLoading />;
  if (queues.isError)
    return <PageError error={queues.error} onRetry={() => void queues.refetch()} />;
  const { outbox } = queues.data;
  return (
    <section className="card">
      <h1>{t('queues.title')}</h1>
      <p className={outbox.unsent > 0 ? 'queues-warning' : 'muted'}>
        {outbox.unsent > 0
          ? t('queues.outboxWaiting', { count: outbox.unsent, seconds: outbox.oldestSeconds ?? 0 })
          : t('queues.outboxEmpty')}
      </p>
      {/* Focusable: on a phone the table scrolls sideways, and keyboards must reach it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('queues.title')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queues.queue')}</th>
              {COUNTS.map((c) => (
                <th scope="col" key={c}>
                  {t(`queues.counts.${c}`)}
                </th>
              ))}
              <th scope="col">{t('queues.workers')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.data.queues.map((q: QueueOverview) => (
              <tr key={q.name}>
                <th scope="row">
                  {queueText(q.name)}
                  {q.paused && ` (${t('queues.paused')})`}
                </th>
                {COUNTS.map((c) => (
                  <td key={c}>
                    {c === 'failed' && q.counts.failed > 0 ? (
                      <button
                        type="button"
                        className="queues-link"
                        onClick={() => setOpen(open === q.name ? null : q.name)}
                      >
                        {q.counts.failed}
                      </button>
                    ) : (
                      q.counts[c].toLocaleString('vi-VN')
                    )}
                  </td>
                ))}
                <td className={q.workers === 0 ? 'queues-error' : undefined}>{q.workers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <FailedJobs queue={open} label={queueText(open)} />}
    </section>
  );
}

function FailedJobs({ queue, label }: { queue: string; label: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const jobs = useQuery({
    queryKey: [...queuesQueryKey, queue, 'failed'],
    queryFn: ({ signal }) => fetchFailedJobs(queue, signal),
  });
  const retry = useMutation({
    mutationFn: (jobId: string) => retryJob(queue, jobId),
    onSuccess: () => void client.invalidateQueries({ queryKey: queuesQueryKey }),
  });
  if (jobs.isPending) return <PageLoading />;
  if (jobs.isError) return <PageError error={jobs.error} onRetry={() => void jobs.refetch()} />;
  return (
    <section aria-label={t('queues.failedOf', { queue: label })}>
      <h2>{t('queues.failedOf', { queue: label })}</h2>
      <ul className="plain-list">
        {jobs.data.map((job) => (
          <li key={job.id} className="card">
            <strong>{t(`queues.jobs.${job.name}`, { defaultValue: job.name })}</strong> #{job.id} ·{' '}
            {formatDateTime(job.createdAt, i18n.language)} ·{' '}
            {t('queues.attempts', { count: job.attemptsMade })}
            <p className="queues-error">{job.failedReason}</p>
            <button type="button" disabled={retry.isPending} onClick={() => retry.mutate(job.id)}>
              {t('queues.retry')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
