import {
  COVERAGE_EXPORT_FORMATS,
  CSV_SEPARATORS,
  type CoverageExportFormat,
  type CoverageReport,
  type CsvSeparator,
} from '@dx/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../app/save-blob';
import { downloadCoverageExport, exportFileName } from '../api';

type Status = { format: CoverageExportFormat; state: 'busy' | 'error' } | null;

/** CSV / Excel / PDF of the report, rendered by the worker and fetched with the token. */
export function ExportButtons({ report, unitCode }: { report: CoverageReport; unitCode: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>(null);
  // Excel with Vietnamese regional settings reads ';' and decimal commas.
  const [separator, setSeparator] = useState<CsvSeparator>(',');
  const separatorId = useId();

  async function download(format: CoverageExportFormat) {
    setStatus({ format, state: 'busy' });
    try {
      const file = await downloadCoverageExport(report.id, format, undefined, separator);
      saveBlob(file.blob, file.fileName ?? exportFileName(report, unitCode, format));
      setStatus(null);
    } catch {
      setStatus({ format, state: 'error' });
    }
  }

  const busy = status?.state === 'busy';
  return (
    <div className="export-buttons">
      <div className="field field--narrow">
        <label htmlFor={separatorId}>{t('reports.export.separator')}</label>
        <select
          id={separatorId}
          value={separator}
          onChange={(e) => setSeparator(e.target.value as CsvSeparator)}
        >
          {CSV_SEPARATORS.map((s) => (
            <option key={s} value={s}>
              {t(s === ',' ? 'reports.export.separatorComma' : 'reports.export.separatorSemicolon')}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row" role="group" aria-label={t('reports.export.label')}>
        {COVERAGE_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={busy}
            aria-busy={busy && status?.format === format}
            onClick={() => void download(format)}
          >
            {t(`reports.export.${format}`)}
          </button>
        ))}
      </div>
      <p className="muted" role="status">
        {busy ? t('reports.export.preparing') : ''}
      </p>
      {status?.state === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('reports.export.error')}
        </p>
      )}
    </div>
  );
}
