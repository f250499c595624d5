import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { AddModuleForm } from './components/AddModuleForm';
import { CourseInfoForm } from './components/CourseInfoForm';
import { ModuleEditor } from './components/ModuleEditor';
import { PublishPanel } from './components/PublishPanel';
import { AddQuizForm, QuizEditor } from './components/QuizEditor';
import { useCourseDraft } from './hooks/useCourseDraft';

/** Everything of one course's draft on one page: plain forms, saved one at a time. */
export default function CourseEditorPage() {
  const { t } = useTranslation();
  const courseId = useParams().courseId ?? '';
  const draft = useCourseDraft(courseId);
  const [addingQuiz, setAddingQuiz] = useState(false);
  useDocumentTitle(
    draft.data ? t('authoring.editing', { title: draft.data.title }) : t('authoring.title'),
  );

  if (draft.isPending) return <PageLoading />;
  if (draft.isError) return <PageError error={draft.error} onRetry={() => void draft.refetch()} />;

  const data = draft.data;
  const modules = [...data.modules].sort((a, b) => a.position - b.position);
  return (
    <>
      <p>
        <Link to="/authoring">← {t('authoring.backToList')}</Link>
      </p>
      <h1>
        {data.title} <span className="muted mono">{data.code}</span>
      </h1>
      <p>
        <span className={`chip chip--${data.status}`}>{t(`courseStatus.${data.status}`)}</span>{' '}
        {data.status === 'published' && (
          <Link to={`/courses/${encodeURIComponent(data.id)}`}>{t('authoring.viewInCatalog')}</Link>
        )}{' '}
        <Link to={`/authoring/courses/${encodeURIComponent(data.id)}/analytics`}>
          {t('analytics.open')}
        </Link>
      </p>
      <PublishPanel draft={data} />
      <section className="card">
        <CourseInfoForm key={`${data.versionId}-${data.title}-${data.hours}`} draft={data} />
      </section>

      <h2>{t('authoring.modules')}</h2>
      {modules.map((m, i) => (
        <ModuleEditor key={m.id} courseId={data.id} module={m} index={i} />
      ))}
      <AddModuleForm courseId={data.id} />

      <h2>{t('authoring.quizzes')}</h2>
      {data.quizzes.length === 0 && <p className="muted">{t('authoring.noQuizzes')}</p>}
      {data.quizzes.map((q) => (
        <QuizEditor key={q.id} courseId={data.id} quiz={q} />
      ))}
      {addingQuiz ? (
        <AddQuizForm courseId={data.id} onDone={() => setAddingQuiz(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAddingQuiz(true)}>
          {t('authoring.newQuiz')}
        </button>
      )}
    </>
  );
}
