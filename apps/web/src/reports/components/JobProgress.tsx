import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { jobErrorText } from '../../api/error-text';
import { ProgressBar } from '../../app/ProgressBar';
import { PageError } from '../../app/PageStatus';
import { useCoverageJob } from '../hooks/useCoverageJob';

/** Follows a report job (polled every second) and hands over its report once completed. */
export function JobProgress({
  jobId,
  onCompleted,
  onRetry,
}: {
  jobId: string;
  onCompleted: (reportId: string) => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const job = useCoverageJob(jobId);
  const status = job.data;
  const reportId = status?.state === 'completed' ? status.reportId : undefined;

  useEffect(() => {
    if (reportId) onCompleted(reportId);
  }, [reportId, onCompleted]);

  if (job.isError && !status) {
    return <PageError error={job.error} onRetry={() => void job.refetch()} />;
  }

  const state = status?.state ?? 'sending';
  return (
    <section className="card" aria-labelledby="job-title" aria-busy={state !== 'failed'}>
      <h2 id="job-title">{t('reports.job.title')}</h2>
      <ProgressBar value={status?.progress ?? 0} label={t('reports.job.progress')} />
      {status?.state === 'failed' ? (
        <div className="alert alert--error" role="alert">
          <p>{t('reports.job.failed')}</p>
          <p className="job-error">{jobErrorText(t, status)}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('reports.job.retry')}
          </button>
        </div>
      ) : (
        <p className="muted" role="status">
          {t(`reports.job.state.${state}`)}
        </p>
      )}
    </section>
  );
}
