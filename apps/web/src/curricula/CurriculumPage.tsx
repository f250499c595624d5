import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatNumber } from '../i18n/format';
import { CurriculumHours } from './components/CurriculumHours';
import { useCurriculum } from './hooks/useCurricula';

export default function CurriculumPage() {
  const { t, i18n } = useTranslation();
  const id = useParams().curriculumId ?? '';
  const curriculum = useCurriculum(id);
  useDocumentTitle(curriculum.data?.title ?? t('curricula.title'));

  if (curriculum.isPending) return <PageLoading />;
  if (curriculum.isError) {
    return <PageError error={curriculum.error} onRetry={() => void curriculum.refetch()} />;
  }
  const data = curriculum.data;
  const courses = [...data.courses].sort((a, b) => a.position - b.position);
  return (
    <>
      <section className="card" aria-labelledby="curriculum-title">
        <p className="muted mono">{data.code}</p>
        <h1 id="curriculum-title">{data.title}</h1>
        {data.audience && <p className="muted">{data.audience}</p>}
        {data.description && <p>{data.description}</p>}
        <CurriculumHours progress={data.progress} />
        {data.progress.completed && (
          <p className="alert alert--success">{t('curricula.completed')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="curriculum-courses">
        <h2 id="curriculum-courses">{t('curricula.courses')}</h2>
        <ol className="outline__lessons">
          {courses.map((course) => (
            <li key={course.courseId} className="outline__lesson">
              <Link to={`/courses/${encodeURIComponent(course.courseId)}`}>{course.title}</Link>
              <span className="muted outline__meta">
                {t('courses.hours', { hours: formatNumber(course.hours, i18n.resolvedLanguage) })}
                {' · '}
                {course.enrollment
                  ? `${t(`enrollmentStatus.${course.enrollment.status}`)} (${t('learning.percent', { value: course.enrollment.progress })})`
                  : t('curricula.notStarted')}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
