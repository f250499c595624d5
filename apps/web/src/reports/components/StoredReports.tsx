import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../../app/PageStatus';
import { Pagination } from '../../app/Pagination';
import { formatDate } from '../../i18n/format';
import { fetchStoredReports, reportKeys } from '../api';

/** Rows per page: the API sends the whole list (at most 200), paged here. */
export const STORED_PAGE_SIZE = 10;

/**
 * Reports already computed that the caller may open: the official yearly ones (HR of a
 * unit below the national one reads its subtree's rows) and the ones they asked for.
 * Newest first, a page at a time; each opens the report view.
 */
export function StoredReports() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const [page, setPage] = useState(1);
  const stored = useQuery({
    queryKey: reportKeys.stored,
    queryFn: ({ signal }) => fetchStoredReports(signal),
  });

  let body;
  if (stored.isPending) body = <PageLoading />;
  else if (stored.isError)
    body = <PageError error={stored.error} onRetry={() => void stored.refetch()} />;
  else if (stored.data.length === 0) body = <p className="muted">{t('reports.stored.empty')}</p>;
  else {
    const pages = Math.max(1, Math.ceil(stored.data.length / STORED_PAGE_SIZE));
    const current = Math.min(page, pages);
    const shown = stored.data.slice((current - 1) * STORED_PAGE_SIZE, current * STORED_PAGE_SIZE);
    body = (
      <>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('reports.stored.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.stored.year')}</th>
                <th scope="col">{t('reports.stored.unit')}</th>
                <th scope="col">{t('reports.stored.kind')}</th>
                <th scope="col">{t('reports.stored.generatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-report-id={r.id}>
                  <td>{r.year}</td>
                  <th scope="row">
                    <Link
                      to={`/reports/${encodeURIComponent(r.id)}`}
                      aria-label={t('reports.stored.open', { year: r.year, name: r.orgUnitName })}
                    >
                      {r.orgUnitName}
                    </Link>{' '}
                    <span className="muted mono">{r.orgUnitCode}</span>
                  </th>
                  <td>
                    {r.official ? (
                      <span className="chip chip--issued">{t('reports.stored.official')}</span>
                    ) : (
                      t('reports.stored.own')
                    )}
                  </td>
                  <td>{formatDate(r.generatedAt, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          page={current}
          pageSize={STORED_PAGE_SIZE}
          total={stored.data.length}
          onPage={setPage}
        />
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="stored-reports-title">
      <h2 id="stored-reports-title">{t('reports.stored.title')}</h2>
      <p className="muted">{t('reports.stored.intro')}</p>
      {body}
    </section>
  );
}
