import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { archiveCurriculum, curriculumKeys, fetchCurriculum, publishCurriculum } from './api';
import { CurriculumCoursesEditor } from './components/CurriculumCoursesEditor';
import { CurriculumFieldsForm } from './components/CurriculumFieldsForm';
import './curricula-admin.css';

/** Publish (learners of the owner unit see it) or archive; the API says why it refuses. */
function CurriculumStatusActions({ id, status }: { id: string; status: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onSuccess = (saved: Awaited<ReturnType<typeof publishCurriculum>>) => {
    queryClient.setQueryData(curriculumKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: ['curricula', 'list'] });
  };
  const publish = useMutation({ mutationFn: () => publishCurriculum(id), onSuccess });
  const archive = useMutation({ mutationFn: () => archiveCurriculum(id), onSuccess });
  const pending = publish.isPending || archive.isPending;
  return (
    <>
      <div className="button-row">
        {status !== 'published' && (
          <button
            type="button"
            className="button button--primary"
            disabled={pending}
            aria-busy={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t('curriculumAdmin.publish')}
          </button>
        )}
        {status !== 'archived' && (
          <button
            type="button"
            className="button"
            disabled={pending}
            aria-busy={archive.isPending}
            onClick={() => archive.mutate()}
          >
            {t('curriculumAdmin.archive')}
          </button>
        )}
      </div>
      <FormError error={publish.error ?? archive.error} />
    </>
  );
}

/** Trainers and sysadmins: one curriculum's fields, ordered courses and status. */
export default function CurriculumEditorPage() {
  const { t } = useTranslation();
  const { curriculumId = '' } = useParams();
  const curriculum = useQuery({
    queryKey: curriculumKeys.detail(curriculumId),
    queryFn: ({ signal }) => fetchCurriculum(curriculumId, signal),
  });
  useDocumentTitle(curriculum.data?.title ?? t('curriculumAdmin.title'));
  if (curriculum.isPending) return <PageLoading />;
  if (curriculum.isError) {
    return <PageError error={curriculum.error} onRetry={() => void curriculum.refetch()} />;
  }
  const c = curriculum.data;
  return (
    <>
      <p>
        <Link to="/admin/curricula">{t('curriculumAdmin.back')}</Link>
      </p>
      <section className="card" aria-labelledby="curriculum-title">
        <h1 id="curriculum-title">{c.title}</h1>
        <p>
          <span className="mono">{c.code}</span> ·{' '}
          <span className="tag">{t(`curriculumAdmin.statuses.${c.status}`)}</span>
        </p>
        {!c.canEdit && <p className="muted">{t('curriculumAdmin.readOnly')}</p>}
        {c.canEdit && <CurriculumStatusActions id={c.id} status={c.status} />}
      </section>
      {c.canEdit && (
        <>
          <section className="card" aria-label={t('curriculumAdmin.details')}>
            {/* Keyed by id: the form starts from the saved values of the curriculum shown. */}
            <CurriculumFieldsForm key={c.id} curriculum={c} />
          </section>
          <section className="card">
            <CurriculumCoursesEditor curriculum={c} />
          </section>
        </>
      )}
    </>
  );
}
