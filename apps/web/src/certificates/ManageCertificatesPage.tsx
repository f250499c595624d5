import type { CertificateStatus } from '@dx/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDebouncedValue } from '../app/useDebouncedValue';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { formatDate } from '../i18n/format';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { CertificateExportPanel } from './components/CertificateExportPanel';
import {
  certificateKeys,
  fetchCertificates,
  MANAGE_PAGE_SIZE,
  type CertificateFilters,
} from './api';
import './manage.css';

const STATUSES: CertificateStatus[] = ['pending', 'issued', 'revoked'];

function statusParam(value: string | null): CertificateStatus | null {
  return STATUSES.includes(value as CertificateStatus) ? (value as CertificateStatus) : null;
}

function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export default function ManageCertificatesPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  useDocumentTitle(t('manage.title'));
  const statusId = useId();
  const searchId = useId();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters: CertificateFilters = {
    status: statusParam(params.get('status')),
    q: params.get('q')?.trim() ?? '',
    orgUnitId: params.get('unit'),
    page: pageParam(params.get('page')),
  };

  function update(next: Partial<CertificateFilters>) {
    const merged = { ...filters, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.status) search.set('status', merged.status);
    if (merged.q) search.set('q', merged.q);
    if (merged.orgUnitId) search.set('unit', merged.orgUnitId);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search, { replace: next.page === undefined });
  }

  // The search box updates the URL once typing pauses.
  const [text, setText] = useState(filters.q);
  const debounced = useDebouncedValue(text.trim(), 350);
  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
  }, [debounced]);

  const list = useQuery({
    queryKey: certificateKeys.list(filters),
    queryFn: ({ signal }) => fetchCertificates(filters, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>{t('manage.title')}</h1>
      <section className="card" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t('manage.filters')}
        </h2>
        <div className="form">
          <div className="form-row">
            <div className="field">
              <label htmlFor={searchId}>{t('manage.search')}</label>
              <input
                id={searchId}
                type="search"
                value={text}
                placeholder={t('manage.searchPlaceholder')}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={statusId}>{t('manage.status')}</label>
              <select
                id={statusId}
                value={filters.status ?? ''}
                onChange={(e) => update({ status: statusParam(e.target.value) })}
              >
                <option value="">{t('manage.allStatuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`certificates.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <OrgUnitPicker
            label={t('manage.unit')}
            value={filters.orgUnitId}
            allowAll
            onChange={(unit) => update({ orgUnitId: unit?.id ?? null })}
          />
        </div>
      </section>

      {/* Without a unit in the filters, the export covers the caller's own unit. */}
      <CertificateExportPanel orgUnitId={filters.orgUnitId ?? me.data?.orgUnitId ?? null} />

      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section aria-labelledby="results-title" aria-busy={list.isFetching}>
          <h2 id="results-title" className="visually-hidden">
            {t('manage.results')}
          </h2>
          <p className="muted" role="status">
            {t(list.data.totalExact === false ? 'manage.countAtLeast' : 'manage.count', {
              total: list.data.total,
            })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="card">{t('manage.none')}</p>
          ) : (
            <div
              className="table-wrap card card--flush"
              role="region"
              aria-label={t('manage.results')}
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">{t('manage.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('manage.columns.holder')}</th>
                    <th scope="col">{t('manage.columns.course')}</th>
                    <th scope="col">{t('manage.columns.serial')}</th>
                    <th scope="col">{t('manage.columns.status')}</th>
                    <th scope="col">{t('manage.columns.completedAt')}</th>
                    <th scope="col">{t('manage.columns.issuer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link
                          to={`/certificates/manage/${encodeURIComponent(c.id)}`}
                          aria-label={t('manage.open', {
                            holder: c.holderName,
                            course: c.courseTitle,
                          })}
                        >
                          {c.holderName}
                        </Link>
                      </th>
                      <td className="cell-wrap">{c.courseTitle}</td>
                      <td className="mono">{c.serial ?? '—'}</td>
                      <td>
                        <span className={`chip chip--${c.status}`}>
                          {t(`certificates.status.${c.status}`)}
                        </span>
                      </td>
                      <td>{formatDate(c.completedAt, lng)}</td>
                      <td className="cell-wrap">{c.issuerName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={list.data.page ?? filters.page}
            pageSize={list.data.pageSize ?? MANAGE_PAGE_SIZE}
            total={list.data.total}
            totalExact={list.data.totalExact !== false}
            onPage={(page) => update({ page })}
          />
        </section>
      )}
    </>
  );
}
