import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fieldErrorTexts } from '../api/error-text';
import { FormError } from '../app/FormError';
import { InputField } from '../app/FormField';
import { PageError } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatNumber } from '../i18n/format';
import { createCurriculum, CURRICULA_PAGE_SIZE, curriculumAdminKeys, fetchCurricula } from './api';

function CreateCurriculumForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [hours, setHours] = useState('');
  const create = useMutation({
    mutationFn: () =>
      createCurriculum({
        code: code.trim(),
        title: title.trim(),
        hoursPerYear: hours.trim() === '' ? Number.NaN : Number(hours.replace(',', '.')),
        courseIds: [],
      }),
    onSuccess: (created) => navigate(`/admin/curricula/${created.id}`),
  });
  const errors = fieldErrorTexts(t, create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <section className="card" aria-labelledby="curriculum-create-title">
      <h2 id="curriculum-create-title">{t('curriculumAdmin.createTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          <InputField
            id="curriculum-code"
            label={t('curriculumAdmin.code')}
            short
            value={code}
            onValue={setCode}
            required
            autoComplete="off"
            error={errors.code}
          />
          <InputField
            id="curriculum-hours"
            label={t('curriculumAdmin.hoursPerYear')}
            short
            inputMode="decimal"
            value={hours}
            onValue={setHours}
            required
            error={errors.hoursPerYear}
          />
        </div>
        <InputField
          id="curriculum-title"
          label={t('curriculumAdmin.titleField')}
          value={title}
          onValue={setTitle}
          required
          error={errors.title}
        />
        {create.isError && Object.keys(errors).length === 0 && <FormError error={create.error} />}
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending}
            aria-busy={create.isPending}
          >
            {t('curriculumAdmin.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Trainers and sysadmins: the curricula they may edit, and a new one. */
export default function CurriculaAdminPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('curriculumAdmin.title'));
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: curriculumAdminKeys.list(page),
    queryFn: ({ signal }) => fetchCurricula(page, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <section className="card" aria-labelledby="curricula-admin-title">
        <h1 id="curricula-admin-title">{t('curriculumAdmin.title')}</h1>
        <p className="muted">{t('curriculumAdmin.intro')}</p>
        {list.isPending ? (
          <div
            className="skeleton skeleton--lines"
            role="status"
            aria-label={t('common.loading')}
          />
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p>{t('curriculumAdmin.none')}</p>
        ) : (
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('curriculumAdmin.title')}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('curriculumAdmin.code')}</th>
                  <th scope="col">{t('curriculumAdmin.titleField')}</th>
                  <th scope="col">{t('curriculumAdmin.status')}</th>
                  <th scope="col">{t('curriculumAdmin.courseCount')}</th>
                  <th scope="col">{t('curriculumAdmin.totalHours')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td className="mono">{c.code}</td>
                    <td>
                      {c.canEdit ? (
                        <Link to={`/admin/curricula/${c.id}`}>{c.title}</Link>
                      ) : (
                        <Link to={`/curricula/${c.id}`}>{c.title}</Link>
                      )}
                    </td>
                    <td>{t(`curriculumAdmin.statuses.${c.status}`)}</td>
                    <td>{formatNumber(c.courseCount, i18n.language)}</td>
                    <td>{formatNumber(c.totalHours, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && (
          <Pagination
            page={page}
            pageSize={list.data.pageSize ?? CURRICULA_PAGE_SIZE}
            total={list.data.total}
            onPage={setPage}
          />
        )}
      </section>
      <CreateCurriculumForm />
    </>
  );
}
