import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { COURSES_PAGE_SIZE } from './api';
import { CourseCard } from './components/CourseCard';
import { CourseSearchBox } from './components/CourseSearchBox';
import { useCourses } from './hooks/useCourses';

function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export default function CourseCatalogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('courses.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = pageParam(params.get('page'));
  const courses = useCourses(q, page);

  function update(next: { q?: string; page?: number }) {
    const nextQ = next.q ?? q;
    const nextPage = next.page ?? 1;
    const search = new URLSearchParams();
    if (nextQ) search.set('q', nextQ);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search, { replace: next.q !== undefined });
  }
  const onSearch = useCallback(
    (value: string) => {
      const search = new URLSearchParams();
      if (value) search.set('q', value);
      setParams(search, { replace: true });
    },
    [setParams],
  );

  return (
    <>
      <h1>{t('courses.title')}</h1>
      <section className="card">
        <CourseSearchBox value={q} onSearch={onSearch} />
      </section>
      {courses.isPending ? (
        <PageLoading />
      ) : courses.isError ? (
        <PageError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <section aria-labelledby="catalog-results" aria-busy={courses.isFetching}>
          <h2 id="catalog-results" className="visually-hidden">
            {t('courses.results')}
          </h2>
          <p className="muted" role="status">
            {q
              ? t('courses.countFor', { total: courses.data.total, q })
              : t('courses.count', { total: courses.data.total })}
          </p>
          {courses.data.items.length === 0 ? (
            <p className="card">{q ? t('courses.noneFor', { q }) : t('courses.none')}</p>
          ) : (
            <ul className="course-grid">
              {courses.data.items.map((course) => (
                <CourseCard key={course.id} course={course} />
              ))}
            </ul>
          )}
          <Pagination
            page={courses.data.page ?? page}
            pageSize={courses.data.pageSize ?? COURSES_PAGE_SIZE}
            total={courses.data.total}
            onPage={(p) => update({ page: p })}
          />
        </section>
      )}
    </>
  );
}
