import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { apiErrorText } from '../api/error-text';
import { PageError, PageLoading } from '../app/PageStatus';
import { ProgressBar } from '../app/ProgressBar';
import { saveBlob } from '../app/save-blob';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { FILE_JOB_PAGES, isFileJobPage, type JobFile } from './file-job-pages';

const POLL_MS = 2_000;

/**
 * `/files/:page/:id`: a file job the caller asked for (activation slips, a certificate or
 * people export), where the `export-ready` notice leads. Its files are downloaded from here
 * while they are kept; the API answers 404 outside the caller's scope, 410 once deleted.
 */
export default function FileJobPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('fileJob.title'));
  const { page, id = '' } = useParams();
  const kind = isFileJobPage(page) ? FILE_JOB_PAGES[page] : null;
  const [saveError, setSaveError] = useState<unknown>(null);
  const job = useQuery({
    queryKey: ['file-job', page, id],
    queryFn: ({ signal }) => (kind as NonNullable<typeof kind>).fetch(id, signal),
    enabled: kind !== null,
    retry: (n, error) => !(isApiError(error) && error.statusCode < 500) && n < 2,
    refetchInterval: (q) =>
      q.state.data && !['completed', 'failed'].includes(q.state.data.state) ? POLL_MS : false,
  });

  async function save(file: JobFile) {
    if (!kind) return;
    setSaveError(null);
    try {
      const got = await kind.download(file.url);
      if (!got) window.location.assign(file.url);
      else saveBlob(got.blob, got.fileName ?? file.fileName);
    } catch (err) {
      setSaveError(err);
    }
  }

  const notFound = !kind || (isApiError(job.error) && job.error.statusCode === 404);
  return (
    <section className="card" aria-labelledby="file-job-title">
      <h1 id="file-job-title">{t(`fileJob.kinds.${isFileJobPage(page) ? page : 'unknown'}`)}</h1>
      {notFound ? (
        <p className="alert alert--error" role="alert">
          {t('fileJob.notFound')}
        </p>
      ) : job.isPending ? (
        <PageLoading />
      ) : job.isError ? (
        <PageError error={job.error} onRetry={() => void job.refetch()} />
      ) : job.data.state === 'failed' ? (
        <p className="alert alert--error" role="alert">
          {t('fileJob.failed')}
        </p>
      ) : job.data.state !== 'completed' ? (
        <div aria-live="polite">
          <ProgressBar value={job.data.progress} label={t('fileJob.progress')} />
          <p className="muted" role="status">
            {t('fileJob.running')}
          </p>
        </div>
      ) : (
        <>
          <p role="status">{t('fileJob.ready')}</p>
          <div className="button-row">
            {job.data.files.map((file, i) => (
              <button
                key={file.url}
                type="button"
                className={i === 0 ? 'button button--primary' : 'button'}
                onClick={() => void save(file)}
              >
                {t(`fileJob.files.${file.label}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {saveError !== null && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, saveError)}
        </p>
      )}
    </section>
  );
}
