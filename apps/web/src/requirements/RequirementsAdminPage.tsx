import type { Requirement } from '@dx/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { SelectField } from '../app/FormField';
import { PageError } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { currentYear, formatDate, formatNumber } from '../i18n/format';
import {
  createRequirement,
  deleteRequirement,
  fetchRequirements,
  REQUIREMENTS_PAGE_SIZE,
  requirementAdminKeys,
  updateRequirement,
} from './admin-api';
import { RequirementForm, type RequirementFormValues } from './components/RequirementForm';

/** Years offered: last year (late corrections), this year and next (set ahead). */
function yearsAround(year: number): number[] {
  return [year + 1, year, year - 1, year - 2];
}

function RequirementRow({ requirement: r }: { requirement: Requirement }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: requirementAdminKeys.all });
  const save = useMutation({
    mutationFn: (v: RequirementFormValues) =>
      updateRequirement(r.id, {
        dxRoles: v.dxRoles,
        jobTitles: v.jobTitles,
        hours: v.hours,
        dueDate: v.dueDate,
      }),
    onSuccess: async () => {
      await refresh();
      setEditing(false);
    },
  });
  const remove = useMutation({ mutationFn: () => deleteRequirement(r.id), onSuccess: refresh });
  const who = [
    r.dxRoles.map((role) => t(`dxRole.${role}`)).join(', '),
    ...(r.jobTitles.length ? [r.jobTitles.join('; ')] : []),
  ].join(' · ');
  return (
    <tr>
      <td>{r.orgUnitName}</td>
      <td>{who}</td>
      <td className="num">{formatNumber(r.hours, i18n.language)}</td>
      <td>{formatDate(r.dueDate, i18n.language)}</td>
      <td>{r.curriculumTitle ?? '—'}</td>
      <td>
        {editing ? (
          <RequirementForm
            idPrefix={`req-${r.id}`}
            year={r.year}
            requirement={r}
            pending={save.isPending}
            error={save.error}
            submitLabel={t('requirementsAdmin.save')}
            onSubmit={(v) => save.mutate(v)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              aria-label={t('requirementsAdmin.editOf', { unit: r.orgUnitName })}
              onClick={() => setEditing(true)}
            >
              {t('requirementsAdmin.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={t('requirementsAdmin.deleteOf', { unit: r.orgUnitName })}
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('requirementsAdmin.confirmDelete', { unit: r.orgUnitName })))
                  remove.mutate();
              }}
            >
              {t('requirementsAdmin.delete')}
            </button>
          </div>
        )}
        <FormError error={remove.error} />
      </td>
    </tr>
  );
}

/**
 * HR (its subtree) and sysadmins: the yearly training requirements of a year — who must
 * earn how many hours by when — with their correction, removal and a new one.
 */
export default function RequirementsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('requirementsAdmin.title'));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(params.get('year')) || thisYear;
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: requirementAdminKeys.list(year, page),
    queryFn: ({ signal }) => fetchRequirements(year, page, signal),
    placeholderData: keepPreviousData,
  });
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (v: RequirementFormValues) =>
      createRequirement({
        year,
        orgUnitId: v.orgUnitId ?? '',
        dxRoles: v.dxRoles,
        jobTitles: v.jobTitles,
        hours: v.hours,
        dueDate: v.dueDate,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: requirementAdminKeys.all });
      setFormKey((k) => k + 1);
    },
  });

  return (
    <>
      <section className="card" aria-labelledby="requirements-title">
        <h1 id="requirements-title">{t('requirementsAdmin.title')}</h1>
        <p className="muted">{t('requirementsAdmin.intro')}</p>
        <SelectField
          id="requirements-year"
          label={t('requirementsAdmin.year')}
          short
          value={String(year)}
          onValue={(value) => {
            setPage(1);
            setParams({ year: value }, { replace: true });
          }}
          options={yearsAround(thisYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        />
        {list.isPending ? (
          <div
            className="skeleton skeleton--lines"
            role="status"
            aria-label={t('common.loading')}
          />
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p>{t('requirementsAdmin.none', { year })}</p>
        ) : (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-labelledby="requirements-title"
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('requirementsAdmin.unit')}</th>
                  <th scope="col">{t('requirementsAdmin.who')}</th>
                  <th scope="col">{t('requirementsAdmin.hours')}</th>
                  <th scope="col">{t('requirementsAdmin.dueDate')}</th>
                  <th scope="col">{t('requirementsAdmin.curriculum')}</th>
                  <th scope="col">{t('requirementsAdmin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <RequirementRow key={r.id} requirement={r} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && (
          <Pagination
            page={page}
            pageSize={list.data.pageSize ?? REQUIREMENTS_PAGE_SIZE}
            total={list.data.total}
            onPage={setPage}
          />
        )}
      </section>
      <section className="card" aria-labelledby="requirement-create-title">
        <h2 id="requirement-create-title">{t('requirementsAdmin.createTitle', { year })}</h2>
        <RequirementForm
          key={`${year}-${formKey}`}
          idPrefix="req-new"
          year={year}
          pending={create.isPending}
          error={create.error}
          submitLabel={t('requirementsAdmin.create')}
          onSubmit={(v) => create.mutate(v)}
        />
        {create.isSuccess && (
          <p role="status" className="alert alert--success">
            {t('requirementsAdmin.created')}
          </p>
        )}
      </section>
    </>
  );
}
