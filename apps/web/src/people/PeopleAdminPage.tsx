import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../app/Pagination';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDebouncedValue } from '../app/useDebouncedValue';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { fetchPeople, PEOPLE_PAGE_SIZE, peopleKeys } from './api';
import { ActivationSlipsPanel } from './components/ActivationSlipsPanel';
import { CreatePersonDialog } from './components/CreatePersonDialog';
import { PeopleImportPanel } from './components/PeopleImportPanel';
import { PersonActions } from './components/PersonActions';

/**
 * `/admin/people` (hr in their subtree, sysadmin): find people by unit and name, add,
 * edit and transfer them, give a new activation code, deactivate or reactivate, import a
 * staff list, print a unit's activation slips.
 */
export default function PeopleAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peopleAdmin.title'));
  const me = useMe();
  const searchId = useId();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(search, 300);
  const list = useQuery({
    queryKey: peopleKeys.list(orgUnitId, q, page),
    queryFn: ({ signal }) => fetchPeople({ orgUnitId, q, page }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <section className="card" aria-labelledby="people-admin-title">
        <h1 id="people-admin-title">{t('peopleAdmin.title')}</h1>
        <p className="muted">{t('peopleAdmin.intro')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('peopleAdmin.create.open')}
          </button>
        </div>
        {creating && (
          <CreatePersonDialog
            unitId={orgUnitId ?? me.data?.orgUnitId ?? null}
            onClose={() => setCreating(false)}
          />
        )}
        <div className="form-row">
          <div className="field">
            <label htmlFor={searchId}>{t('peopleAdmin.search')}</label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
            />
          </div>
        </div>
        <OrgUnitPicker
          label={t('peopleAdmin.unit')}
          value={orgUnitId}
          allowAll
          onChange={(unit) => {
            setOrgUnitId(unit?.id ?? null);
            setPage(1);
          }}
        />
      </section>

      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section className="card" aria-labelledby="people-results" aria-busy={list.isFetching}>
          <h2 id="people-results">{t('peopleAdmin.results', { n: list.data.total })}</h2>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('peopleAdmin.none')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} aria-labelledby="people-results">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('peopleAdmin.fullName')}</th>
                    <th scope="col">{t('peopleAdmin.username')}</th>
                    <th scope="col">{t('peopleAdmin.roles')}</th>
                    <th scope="col">{t('peopleAdmin.state')}</th>
                    <th scope="col">{t('peopleAdmin.actionsColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((p) => (
                    <tr key={p.id}>
                      <td>{p.fullName}</td>
                      <td>{p.username}</td>
                      <td>{p.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                      <td>{t(p.active ? 'peopleAdmin.active' : 'peopleAdmin.inactive')}</td>
                      <td>
                        <PersonActions person={p} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pageSize={PEOPLE_PAGE_SIZE}
            total={list.data.total}
            onPage={setPage}
          />
        </section>
      )}

      {/* Without a unit chosen, slips cover the caller's own unit and what is under it. */}
      <ActivationSlipsPanel orgUnitId={orgUnitId ?? me.data?.orgUnitId ?? null} />
      <PeopleImportPanel />
    </>
  );
}
