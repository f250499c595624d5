import { FIRST_REPORT_YEAR, type CoverageReport } from '@dx/contracts';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import {
  fetchCoverageJob,
  fetchCoverageReport,
  isFinished,
  reportKeys,
  requestCoverageReport,
} from '../api';
import { hasNoData, isBelowThreshold } from '../coverage-tree';
import { JOB_POLL_MS } from '../hooks/useCoverageJob';
import { CoverageBars, type BarItem } from './CoverageBars';

/** How many earlier years "So sánh các năm" asks for (one report job each). */
export const YEARS_TO_COMPARE = 4;

function rootRow(report: CoverageReport, orgUnitId: string) {
  return (
    report.rows.find((r) => r.orgUnitId === orgUnitId) ??
    report.rows.find((r) => r.parentId === null)
  );
}

function earlierYears(year: number): number[] {
  const years: number[] = [];
  for (let y = year - 1; y >= Math.max(FIRST_REPORT_YEAR, year - YEARS_TO_COMPARE); y--)
    years.push(y);
  return years.reverse();
}

/**
 * The unit's coverage over the years. There is no list of past reports in the API, so the
 * earlier years are computed on request — only when the user presses the button, since
 * each is a job for the worker. Requests are remembered for the session (per unit and year).
 */
export function CoverageYears({
  report,
  threshold,
}: {
  report: CoverageReport;
  threshold: number;
}) {
  const { t } = useTranslation();
  const years = earlierYears(report.year);
  const [started, setStarted] = useState(false);
  const unitId = report.orgUnitId;

  const requests = useQueries({
    queries: years.map((year) => ({
      queryKey: reportKeys.yearJob(unitId, year),
      queryFn: () => requestCoverageReport({ year, orgUnitId: unitId }),
      enabled: started,
      // A POST that starts a job: never repeated behind the user's back.
      retry: false,
      staleTime: Infinity,
      gcTime: 30 * 60_000,
      refetchOnMount: false,
      refetchOnReconnect: false,
    })),
  });
  const jobs = useQueries({
    queries: requests.map((request, i) => {
      const jobId = request.data?.jobId ?? '';
      return {
        // Distinct keys even while idle: useQueries wants one query per key.
        queryKey: jobId
          ? reportKeys.job(jobId)
          : reportKeys.yearJob(unitId, years[i]).concat('idle'),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchCoverageJob(jobId, signal),
        enabled: !!jobId,
        refetchInterval: (query: {
          state: { data?: Awaited<ReturnType<typeof fetchCoverageJob>> };
        }) => (isFinished(query.state.data) ? false : JOB_POLL_MS),
        refetchIntervalInBackground: true,
      };
    }),
  });
  const reports = useQueries({
    queries: jobs.map((job, i) => {
      const reportId = job.data?.state === 'completed' ? (job.data.reportId ?? '') : '';
      return {
        queryKey: reportId
          ? reportKeys.report(reportId)
          : reportKeys.yearJob(unitId, years[i]).concat('no-report'),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchCoverageReport(reportId, signal),
        enabled: !!reportId,
        staleTime: Infinity,
      };
    }),
  });

  const isStarted = started || requests.some((r) => r.data !== undefined);
  if (years.length === 0) return null;

  if (!isStarted) {
    return (
      <section className="card" aria-labelledby="years-title">
        <h2 id="years-title">{t('reports.years.title')}</h2>
        <p className="muted">
          {t('reports.years.intro', {
            count: years.length,
            from: years[0],
            to: years.at(-1),
          })}
        </p>
        <button type="button" className="button" onClick={() => setStarted(true)}>
          {t('reports.years.start')}
        </button>
      </section>
    );
  }

  const root = rootRow(report, unitId);
  const items: BarItem[] = years.map((year, i) => {
    const request = requests[i];
    const job = jobs[i];
    const done = reports[i].data;
    const row = done ? rootRow(done, unitId) : undefined;
    if (row) {
      // A year before any training was recorded reads "no data", not a red 0 %.
      const empty = hasNoData(row);
      return {
        key: String(year),
        label: String(year),
        value: row.dxStaff > 0 && !empty ? row.coverage : null,
        below: !empty && isBelowThreshold(row, threshold),
        note: empty ? t('reports.noData') : row.dxStaff > 0 ? undefined : t('reports.noStaff'),
      };
    }
    let note: string;
    if (request.isError) {
      note =
        isApiError(request.error) && request.error.statusCode === 400
          ? t('reports.years.unitMissing')
          : t('reports.years.failed');
    } else if (job.data?.state === 'failed' || reports[i].isError || job.isError) {
      note = t('reports.years.failed');
    } else {
      note = t('reports.years.running', { progress: job.data?.progress ?? 0 });
    }
    return { key: String(year), label: String(year), value: null, below: false, note };
  });
  if (root) {
    items.push({
      key: String(report.year),
      label: String(report.year),
      value: root.dxStaff > 0 ? root.coverage : null,
      below: isBelowThreshold(root, threshold),
      note: root.dxStaff > 0 ? undefined : t('reports.noStaff'),
    });
  }
  const pending = years.some(
    (_, i) =>
      !reports[i].data &&
      !requests[i].isError &&
      jobs[i].data?.state !== 'failed' &&
      !reports[i].isError,
  );

  return (
    <section className="card" aria-labelledby="years-title" aria-busy={pending}>
      <h2 id="years-title">{t('reports.years.title')}</h2>
      <p className="muted" role="status">
        {pending ? t('reports.years.inProgress') : t('reports.years.ready')}
      </p>
      <CoverageBars
        title={t('reports.years.chartTitle', { name: root?.name ?? '' })}
        items={items}
        threshold={threshold}
        labelHeader={t('reports.years.year')}
      />
    </section>
  );
}
