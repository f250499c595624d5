import { FIRST_REPORT_YEAR } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { currentYear } from '../i18n/format';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { requestCoverageReport } from './api';
import { JobProgress } from './components/JobProgress';
import { StoredReports } from './components/StoredReports';
import './reports.css';

/** How far back the year list goes (older years can still be asked for through the API). */
const YEARS_LISTED = 15;

function yearParam(value: string | null, latest: number): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= latest ? year : null;
}

export default function ReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.title'));
  const yearId = useId();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const latest = currentYear();
  // Last year by default: the last complete one.
  const year = yearParam(params.get('year'), latest) ?? latest - 1;
  const unitId = params.get('unit') ?? me.data?.orgUnitId ?? null;
  const jobId = params.get('job');

  const update = useCallback(
    (next: { year?: number; unit?: string | null; job?: string | null }, replace = true) => {
      setParams(
        (current) => {
          const search = new URLSearchParams(current);
          if (next.year !== undefined) search.set('year', String(next.year));
          if (next.unit !== undefined) {
            if (next.unit) search.set('unit', next.unit);
            else search.delete('unit');
          }
          if (next.job !== undefined) {
            if (next.job) search.set('job', next.job);
            else search.delete('job');
          }
          return search;
        },
        { replace },
      );
    },
    [setParams],
  );

  const request = useMutation({
    mutationFn: requestCoverageReport,
    onSuccess: ({ jobId: started }) => update({ job: started }, false),
  });

  const onCompleted = useCallback(
    (reportId: string) => {
      // Coming back to this page must not jump to the report again.
      update({ job: null });
      navigate(`/reports/${encodeURIComponent(reportId)}`);
    },
    [update, navigate],
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!unitId || request.isPending) return;
    request.mutate({ year, orgUnitId: unitId });
  }

  const years: number[] = [];
  for (let y = latest; y >= Math.max(FIRST_REPORT_YEAR, latest - YEARS_LISTED); y--) years.push(y);
  const running = request.isPending || !!jobId;

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <section className="card" aria-labelledby="report-form-title">
        <h2 id="report-form-title">{t('reports.form.title')}</h2>
        <p className="muted">{t('reports.form.intro')}</p>
        <form className="form" onSubmit={onSubmit}>
          <div className="field field--narrow">
            <label htmlFor={yearId}>{t('reports.form.year')}</label>
            <select
              id={yearId}
              value={year}
              onChange={(e) => update({ year: Number(e.target.value), job: null })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            {year === latest && (
              <p className="field__hint muted">{t('reports.form.partialYear')}</p>
            )}
          </div>
          <OrgUnitPicker
            label={t('reports.form.unit')}
            value={unitId}
            onChange={(unit) => update({ unit: unit?.id ?? null, job: null })}
          />
          <FormError error={request.error} />
          <div>
            <button
              type="submit"
              className="button button--primary"
              disabled={!unitId || running}
              aria-busy={request.isPending}
            >
              {t('reports.form.submit')}
            </button>
          </div>
        </form>
      </section>
      {jobId && (
        <JobProgress
          key={jobId}
          jobId={jobId}
          onCompleted={onCompleted}
          onRetry={() => {
            update({ job: null });
            if (unitId) request.mutate({ year, orgUnitId: unitId });
          }}
        />
      )}
      <StoredReports />
    </>
  );
}
