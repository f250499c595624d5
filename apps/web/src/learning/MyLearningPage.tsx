import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { CurriculumCard } from '../curricula/components/CurriculumCard';
import { useMyCurricula } from '../curricula/hooks/useCurricula';
import { EnrollmentList } from './components/EnrollmentList';
import { LearningHistory } from './components/LearningHistory';
import { useMyEnrollments } from './hooks/useMyEnrollments';

function MyCurricula() {
  const { t } = useTranslation();
  const curricula = useMyCurricula();
  if (curricula.isPending) return <PageLoading />;
  if (curricula.isError) {
    return <PageError error={curricula.error} onRetry={() => void curricula.refetch()} />;
  }
  if (curricula.data.length === 0) return <p className="muted">{t('curricula.none')}</p>;
  return (
    <ul className="plain-list">
      {curricula.data.map((c) => (
        <CurriculumCard key={c.id} curriculum={c} />
      ))}
    </ul>
  );
}

export default function MyLearningPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('learning.title'));
  const enrollments = useMyEnrollments();
  // An earlier year's completion re-taken since lives in the history by year only.
  const current = enrollments.data?.filter((e) => e.current) ?? [];

  return (
    <>
      <h1>{t('learning.title')}</h1>
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">{t('learning.myCourses')}</h2>
        {enrollments.isPending ? (
          <PageLoading />
        ) : enrollments.isError ? (
          <PageError error={enrollments.error} onRetry={() => void enrollments.refetch()} />
        ) : current.length === 0 ? (
          <p className="card">
            {t('learning.none')} <Link to="/courses">{t('learning.browse')}</Link>
          </p>
        ) : (
          <EnrollmentList enrollments={current} />
        )}
      </section>
      <section aria-labelledby="my-history">
        <h2 id="my-history">{t('learning.history.title')}</h2>
        <LearningHistory />
      </section>
      <section aria-labelledby="my-curricula">
        <h2 id="my-curricula">{t('curricula.mine')}</h2>
        <MyCurricula />
      </section>
    </>
  );
}
