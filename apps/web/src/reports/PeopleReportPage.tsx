import { CSV_SEPARATORS, type CsvSeparator, type PeopleReportStatus } from '@dx/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { apiErrorText } from '../api/error-text';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { ProgressBar } from '../app/ProgressBar';
import { saveBlob } from '../app/save-blob';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatNumber } from '../i18n/format';
import { downloadPeople, fetchPeople, peopleKeys } from './people-api';
import { usePeopleExportJob } from './usePeopleExportJob';

const STATUSES: PeopleReportStatus[] = ['untrained', 'trained', 'all'];
/**
 * Lists longer than this are exported by the worker (a province: ~60,000 people), with
 * progress; shorter ones download at once.
 */
const DIRECT_EXPORT_MAX = 2_000;

const STATUS_LABEL = {
  untrained: 'people.statusUntrained',
  trained: 'people.statusTrained',
  all: 'people.statusAll',
} as const;

/**
 * HR's list of the people of a unit for a year — by default those not yet trained —
 * reached from a row of the coverage table, with CSV and Excel downloads of the same list
 * (made by the worker, with progress, for large lists).
 */
export default function PeopleReportPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  useDocumentTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('orgUnitId') ?? '';
  const year = Number(params.get('year')) || new Date().getFullYear();
  const status = (STATUSES.find((s) => s === params.get('status')) ??
    'untrained') as PeopleReportStatus;
  const [page, setPage] = useState(1);
  const filter = { orgUnitId, year, status, page };
  const query = useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal }) => fetchPeople(filter, signal),
    enabled: !!orgUnitId,
    placeholderData: keepPreviousData,
  });
  const [downloading, setDownloading] = useState(false);
  // Excel with Vietnamese regional settings reads ';' and decimal commas.
  const [separator, setSeparator] = useState<CsvSeparator>(',');
  const separatorId = useId();
  const exportJob = usePeopleExportJob({ orgUnitId, year, status, separator });

  async function download(format: 'csv' | 'xlsx') {
    if ((query.data?.total ?? 0) > DIRECT_EXPORT_MAX) return exportJob.start(format);
    setDownloading(true);
    try {
      const file = await downloadPeople({ orgUnitId, year, status }, format, separator);
      saveBlob(file.blob, file.fileName ?? `danh-sach-${year}.${format}`);
    } finally {
      setDownloading(false);
    }
  }

  function setStatus(next: string) {
    setPage(1);
    setParams({ orgUnitId, year: String(year), status: next });
  }

  const unitName = query.data?.items[0]?.orgUnitName;
  return (
    <section className="card" aria-labelledby="people-title">
      <h1 id="people-title">{t('people.title')}</h1>
      <div className="report-controls">
        <p>
          {t('people.year')}: <strong>{year}</strong>
          {unitName ? ` — ${t('people.unit')}: ${unitName}` : ''}
        </p>
        <label>
          {t('people.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <span>
          <label htmlFor={separatorId}>{t('reports.export.separator')}</label>{' '}
          <select
            id={separatorId}
            value={separator}
            onChange={(e) => setSeparator(e.target.value as CsvSeparator)}
          >
            {CSV_SEPARATORS.map((s) => (
              <option key={s} value={s}>
                {t(
                  s === ',' ? 'reports.export.separatorComma' : 'reports.export.separatorSemicolon',
                )}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          className="button"
          disabled={downloading || exportJob.busy}
          onClick={() => download('csv')}
        >
          {t('people.exportCsv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={downloading || exportJob.busy}
          onClick={() => download('xlsx')}
        >
          {t('people.exportXlsx')}
        </button>
      </div>
      {exportJob.requestError && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, exportJob.requestError)}
        </p>
      )}
      {exportJob.job && (
        <div aria-live="polite">
          <ProgressBar value={exportJob.state?.progress ?? 0} label={t('people.export.progress')} />
          {exportJob.failed ? (
            <p className="alert alert--error" role="alert">
              {t('people.export.failed')}
            </p>
          ) : (
            <p className="muted" role="status">
              {exportJob.state?.state === 'completed'
                ? t('people.export.done', { count: exportJob.state.done })
                : t('people.export.running', {
                    done: formatNumber(exportJob.state?.done ?? 0, lng),
                    total: formatNumber(exportJob.state?.total ?? 0, lng),
                  })}
            </p>
          )}
          {exportJob.saveError && (
            <p className="alert alert--error" role="alert">
              {t('people.export.saveError')}
            </p>
          )}
        </div>
      )}
      {query.isPending ? (
        <PageLoading />
      ) : query.isError ? (
        <PageError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>{t('people.empty')}</p>
      ) : (
        <>
          <p role="status">{t('people.total', { count: query.data.total })}</p>
          {/* Focusable: on a narrow screen the table scrolls, and keyboards must scroll it too. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('people.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('people.fullName')}</th>
                  <th scope="col">{t('people.username')}</th>
                  <th scope="col">{t('people.unit')}</th>
                  <th scope="col">{t('people.dxRole')}</th>
                  <th scope="col" className="num">
                    {t('people.hours')}
                  </th>
                  <th scope="col" className="num">
                    {t('people.required')}
                  </th>
                  <th scope="col">{t('people.requirementMet')}</th>
                  <th scope="col">{t('people.lastCompletedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">{p.fullName}</th>
                    <td className="mono">{p.username}</td>
                    <td>{p.orgUnitName}</td>
                    <td>{t(`dxRole.${p.dxRole}`)}</td>
                    <td className="num">{formatNumber(p.hoursEarned, lng)}</td>
                    <td className="num">
                      {p.requiredHours === null ? '—' : formatNumber(p.requiredHours, lng)}
                    </td>
                    <td>{t(p.requirementMet ? 'people.yes' : 'people.no')}</td>
                    <td>
                      {p.lastCompletedOn
                        ? formatDate(`${p.lastCompletedOn}T12:00:00+07:00`, lng)
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
