import type { CoverageReport } from '@dx/contracts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../i18n/format';
import { CoverageBars, type BarItem } from './components/CoverageBars';
import { BelowFlag, CoverageTable } from './components/CoverageTable';
import { CoverageYears } from './components/CoverageYears';
import { ExportButtons } from './components/ExportButtons';
import {
  compareRows,
  DEFAULT_THRESHOLD_PERCENT,
  isBelowThreshold,
  parseThresholdPercent,
  readablePart,
} from './coverage-tree';
import { useCoverageReport } from './hooks/useCoverageReport';
import './reports.css';

function ThresholdInput({
  percent,
  onChange,
}: {
  percent: number;
  onChange: (percent: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(percent));
  const invalid = parseThresholdPercent(text) === null;
  return (
    <div className="field field--narrow">
      <label htmlFor={id}>{t('reports.threshold.label')}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step={1}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          const value = parseThresholdPercent(e.target.value);
          if (value !== null) onChange(value);
        }}
      />
      <p
        id={`${id}-hint`}
        className={invalid ? 'field__hint field__hint--error' : 'field__hint muted'}
      >
        {invalid ? t('reports.threshold.invalid') : t('reports.threshold.hint')}
      </p>
    </div>
  );
}

function ReportView({ report, partial }: { report: CoverageReport; partial: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const [thresholdPercent, setThresholdPercent] = useState(DEFAULT_THRESHOLD_PERCENT);
  const threshold = thresholdPercent / 100;
  const root =
    report.rows.find((r) => r.orgUnitId === report.orgUnitId) ??
    report.rows.find((r) => r.parentId === null) ??
    report.rows[0];

  const children = useMemo(
    () =>
      root
        ? report.rows
            .filter((r) => r.parentId === root.orgUnitId)
            .sort(compareRows({ key: 'coverage', direction: 'asc' }))
        : [],
    [report.rows, root],
  );
  const bars: BarItem[] = children.map((row) => ({
    key: row.orgUnitId,
    label: row.name,
    value: row.dxStaff > 0 ? row.coverage : null,
    below: isBelowThreshold(row, threshold),
    note: row.dxStaff > 0 ? undefined : t('reports.noStaff'),
  }));
  const lowCount = report.rows.filter((r) => isBelowThreshold(r, threshold)).length;
  const thresholdText = formatPercent(threshold, lng);

  if (!root) {
    return <p className="card">{t('reports.view.empty')}</p>;
  }

  return (
    <>
      <header className="report-head">
        <h1>{t('reports.view.title', { year: report.year, name: root.name })}</h1>
        <p className="muted">
          {t('reports.view.meta', {
            code: root.code,
            date: formatDateTime(report.generatedAt, lng),
          })}
          {report.official && (
            <>
              {' '}
              <span className="chip chip--issued">{t('reports.view.official')}</span>
            </>
          )}
        </p>
        {partial && <p role="note">{t('reports.view.extract')}</p>}
        {report.merges.length > 0 && (
          <div role="note" aria-labelledby="merges-title">
            <h2 id="merges-title" className="visually-hidden">
              {t('reports.view.mergesTitle')}
            </h2>
            <ul className="report-merges">
              {report.merges.map((m) => (
                <li key={m.unitId}>
                  {t('reports.view.merged', {
                    unit: m.unitName,
                    successor: m.successorName,
                    date: formatDate(m.effectiveDate, lng),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <Link
            to={`/reports?${new URLSearchParams({ year: String(report.year), unit: report.orgUnitId })}`}
          >
            {t('reports.view.another')}
          </Link>
        </p>
      </header>

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('reports.view.summary')}</h2>
        <dl className="stats">
          <div>
            <dt>{t('reports.columns.dxStaff')}</dt>
            <dd>{formatNumber(root.dxStaff, lng)}</dd>
          </div>
          <div>
            <dt>{t('reports.columns.trained')}</dt>
            <dd>{formatNumber(root.trained, lng)}</dd>
          </div>
          <div className={isBelowThreshold(root, threshold) ? 'stats--low' : undefined}>
            <dt>{t('reports.columns.coverage')}</dt>
            <dd>
              {root.dxStaff > 0 ? formatPercent(root.coverage, lng) : '—'}
              {isBelowThreshold(root, threshold) && (
                <>
                  {' '}
                  <BelowFlag />
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('reports.columns.hours')}</dt>
            <dd>{formatNumber(root.hours, lng)}</dd>
          </div>
          <div>
            <dt>{t('reports.columns.certificates')}</dt>
            <dd>{formatNumber(root.certificates, lng)}</dd>
          </div>
        </dl>
        <h3 className="export-title">{t('reports.export.title')}</h3>
        <ExportButtons report={report} unitCode={root.code} />
      </section>

      <section className="card" aria-labelledby="table-title">
        <h2 id="table-title">{t('reports.table.title')}</h2>
        <div className="report-controls">
          <ThresholdInput percent={thresholdPercent} onChange={setThresholdPercent} />
          <p className="report-controls__count" role="status" aria-live="polite">
            {t('reports.threshold.count', { count: lowCount, threshold: thresholdText })}
          </p>
        </div>
        <CoverageTable
          key={report.id}
          rows={report.rows}
          threshold={threshold}
          caption={t('reports.table.caption', { year: report.year, name: root.name })}
          peopleLink={(orgUnitId) =>
            `/reports/people?orgUnitId=${orgUnitId}&year=${report.year}&status=untrained`
          }
        />
      </section>

      {bars.length > 0 && (
        <section className="card" aria-labelledby="chart-title">
          <h2 id="chart-title">{t('reports.chart.title')}</h2>
          <CoverageBars
            title={t('reports.chart.caption', { name: root.name, year: report.year })}
            items={bars}
            threshold={threshold}
            labelHeader={t('reports.columns.name')}
          />
        </section>
      )}

      <CoverageYears key={report.id} report={report} threshold={threshold} />
    </>
  );
}

export default function ReportPage() {
  const { t } = useTranslation();
  const reportId = useParams().reportId ?? '';
  const report = useCoverageReport(reportId);
  const readable = report.data ? readablePart(report.data) : undefined;
  const rootName = readable?.report.rows.find(
    (r) => r.orgUnitId === readable.report.orgUnitId,
  )?.name;
  useDocumentTitle(
    readable && rootName
      ? t('reports.view.title', { year: readable.report.year, name: rootName })
      : t('reports.title'),
  );

  if (report.isPending) return <PageLoading />;
  if (report.isError) {
    if (isApiError(report.error) && [400, 404, 409].includes(report.error.statusCode)) {
      return (
        <section className="card">
          <h1>{t('reports.view.unavailable')}</h1>
          <p>{t('reports.view.unavailableHint')}</p>
          <p>
            <Link to="/reports">{t('reports.view.another')}</Link>
          </p>
        </section>
      );
    }
    return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  }
  return readable ? <ReportView report={readable.report} partial={readable.partial} /> : null;
}
