import { CERTIFICATE_EXPORT_FORMATS, type CertificateExportFormat } from '@dx/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { ProgressBar } from '../../app/ProgressBar';
import { useFileJob } from '../../app/useFileJob';
import {
  certificateKeys,
  downloadCertificateExport,
  fetchCertificateExport,
  requestCertificateExport,
} from '../api';

const YEARS_BACK = 5;

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
  const exportJob = useFileJob({
    request: (format: CertificateExportFormat) =>
      requestCertificateExport({ orgUnitId: orgUnitId as string, year, format }),
    statusKey: certificateKeys.exportJob,
    fetchStatus: fetchCertificateExport,
    download: downloadCertificateExport,
    fileName: (format) => `chung-nhan-${year}.${format}`,
  });
  const { job, state, busy } = exportJob;

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
            aria-busy={busy && job?.input === format}
            onClick={() => exportJob.start(format)}
          >
            {t(`manage.export.${format}`)}
          </button>
        ))}
      </div>
      {!!exportJob.requestError && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, exportJob.requestError)}
        </p>
      )}
      {job && (
        <div aria-live="polite">
          <ProgressBar value={state?.progress ?? 0} label={t('manage.export.progress')} />
          {state?.state === 'failed' || exportJob.failed ? (
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
          {exportJob.saveError && (
            <p className="alert alert--error" role="alert">
              {t('manage.export.saveError')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
