import {
  CERTIFICATE_EXPORT_FORMATS,
  type CertificateExportFormat,
  type CertificateExportStatus,
} from '@dx/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { isApiError } from '../../api/api-error';
import { ProgressBar } from '../../app/ProgressBar';
import { saveBlob } from '../../app/save-blob';
import {
  certificateKeys,
  downloadCertificateExport,
  fetchCertificateExport,
  requestCertificateExport,
} from '../api';

const POLL_MS = 1_000;
const YEARS_BACK = 5;

const finished = (s: CertificateExportStatus | undefined) =>
  s?.state === 'completed' || s?.state === 'failed';

/**
 * Export of what a unit's subtree issued in a year: every PDF as a ZIP, or the register
 * (sổ cấp) as Excel or PDF. The worker makes the file; this follows its progress and
 * saves it once ready.
 */
export function CertificateExportPanel({ orgUnitId }: { orgUnitId: string | null }) {
  const { t } = useTranslation();
  const yearId = useId();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [job, setJob] = useState<{ id: string; format: CertificateExportFormat } | null>(null);
  const [saveError, setSaveError] = useState(false);
  const saved = useRef<string | null>(null);

  const request = useMutation({
    mutationFn: (format: CertificateExportFormat) =>
      requestCertificateExport({ orgUnitId: orgUnitId as string, year, format }),
    onSuccess: ({ jobId }, format) => {
      setSaveError(false);
      setJob({ id: jobId, format });
    },
  });

  const status = useQuery({
    queryKey: certificateKeys.exportJob(job?.id ?? ''),
    queryFn: ({ signal }) => fetchCertificateExport(job?.id as string, signal),
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
    downloadCertificateExport(url)
      .then((file) => {
        if (!file) window.location.assign(url);
        else saveBlob(file.blob, file.fileName ?? `chung-nhan-${year}.${job.format}`);
      })
      .catch(() => setSaveError(true));
  }, [state, job, year]);

  const busy = request.isPending || (!!job && !finished(state) && !status.isError);
  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('manage.export.title')}</h2>
      <p className="muted">{t('manage.export.intro')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={yearId}>{t('manage.export.year')}</label>
          <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!orgUnitId && <p className="muted">{t('manage.export.pickUnit')}</p>}
      <div className="button-row" role="group" aria-label={t('manage.export.title')}>
        {CERTIFICATE_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={!orgUnitId || busy}
            aria-busy={busy && job?.format === format}
            onClick={() => request.mutate(format)}
          >
            {t(`manage.export.${format}`)}
          </button>
        ))}
      </div>
      {request.isError && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, request.error)}
        </p>
      )}
      {job && (
        <div aria-live="polite">
          <ProgressBar value={state?.progress ?? 0} label={t('manage.export.progress')} />
          {state?.state === 'failed' || status.isError ? (
            <p className="alert alert--error" role="alert">
              {t('manage.export.failed')}
            </p>
          ) : (
            <p className="muted" role="status">
              {state?.state === 'completed'
                ? t('manage.export.done', { n: state.count ?? 0 })
                : t(`manage.export.state.${state?.state ?? 'waiting'}`)}
            </p>
          )}
          {saveError && (
            <p className="alert alert--error" role="alert">
              {t('manage.export.saveError')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
