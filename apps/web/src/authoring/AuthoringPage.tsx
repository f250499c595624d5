import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatNumber } from '../i18n/format';
import { CreateCourseForm } from './components/CreateCourseForm';
import { useAuthoringCourses } from './hooks/useCourseDraft';

export default function AuthoringPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('authoring.title'));
  const [page, setPage] = useState(1);
  const courses = useAuthoringCourses(page);

  return (
    <>
      <h1>{t('authoring.title')}</h1>
      <section className="card" aria-labelledby="authoring-list">
        <h2 id="authoring-list">{t('authoring.myCourses')}</h2>
        {courses.isPending ? (
          <PageLoading />
        ) : courses.isError ? (
          <PageError error={courses.error} onRetry={() => void courses.refetch()} />
        ) : courses.data.items.length === 0 ? (
          <p className="muted">{t('authoring.none')}</p>
        ) : (
          <>
            <ul className="plain-list authoring-list">
              {courses.data.items.map((c) => (
                <li key={c.id}>
                  <Link to={`/authoring/courses/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                  <span className="muted">
                    {' '}
                    <span className="mono">{c.code}</span> ·{' '}
                    {t('courses.hours', { hours: formatNumber(c.hours, i18n.resolvedLanguage) })}
                  </span>{' '}
                  <span className={`chip chip--${c.status}`}>{t(`courseStatus.${c.status}`)}</span>
                  {c.draftVersion !== null && c.status === 'published' && (
                    <span className="chip chip--draft">
                      {t('authoring.hasDraft', { version: c.draftVersion })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <Pagination
              page={courses.data.page}
              pageSize={courses.data.pageSize}
              total={courses.data.total}
              onPage={setPage}
            />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="authoring-create">
        <h2 id="authoring-create">{t('authoring.newCourse')}</h2>
        <CreateCourseForm />
      </section>
    </>
  );
}
