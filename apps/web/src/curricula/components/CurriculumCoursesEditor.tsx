import type { CurriculumDetail } from '@dx/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import { courseKeys, fetchCourses } from '../../courses/api';
import { formatNumber } from '../../i18n/format';
import { curriculumKeys, updateCurriculum } from '../api';

/** Moves the item at `from` by `step` (−1 up, +1 down); the list itself is not changed. */
export function moved<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[from], out[to]] = [out[to], out[from]];
  return out;
}

/**
 * The ordered courses of a curriculum: up, down, remove, and add from the published
 * catalogue. Each change sends the whole list (`courseIds` replaces it, as the API says).
 */
export function CurriculumCoursesEditor({ curriculum }: { curriculum: CurriculumDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const ids = curriculum.courses.map((c) => c.courseId);
  const save = useMutation({
    mutationFn: (courseIds: string[]) => updateCurriculum(curriculum.id, { courseIds }),
    onSuccess: (saved) => queryClient.setQueryData(curriculumKeys.detail(saved.id), saved),
  });
  const found = useQuery({
    queryKey: courseKeys.list(query, 1),
    queryFn: ({ signal }) => fetchCourses(query, 1, signal),
    placeholderData: keepPreviousData,
    enabled: query.length > 0,
  });
  const candidates = (found.data?.items ?? []).filter((c) => !ids.includes(c.id));
  const lng = i18n.language;

  return (
    <section aria-labelledby="cur-courses-title" aria-busy={save.isPending}>
      <h2 id="cur-courses-title">{t('curriculumAdmin.courses')}</h2>
      <p>
        {t('curriculumAdmin.coursesSummary', {
          count: curriculum.courses.length,
          hours: formatNumber(curriculum.totalHours, lng),
        })}
      </p>
      {curriculum.courses.length === 0 ? (
        <p className="muted">{t('curriculumAdmin.noCourses')}</p>
      ) : (
        <ol className="curriculum-courses">
          {curriculum.courses.map((course, i) => (
            <li key={course.courseId} className="curriculum-courses__item">
              <span className="curriculum-courses__title">
                {course.title} <span className="mono muted">{course.code}</span> ·{' '}
                {t('curriculumAdmin.hours', { hours: formatNumber(course.hours, lng) })}
                {course.courseStatus !== 'published' && (
                  <> · {t(`courseStatus.${course.courseStatus}`)}</>
                )}
              </span>
              <span className="button-row">
                <button
                  type="button"
                  className="button button--small"
                  disabled={i === 0 || save.isPending}
                  aria-label={t('curriculumAdmin.moveUp', { title: course.title })}
                  onClick={() => save.mutate(moved(ids, i, -1))}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={i === ids.length - 1 || save.isPending}
                  aria-label={t('curriculumAdmin.moveDown', { title: course.title })}
                  onClick={() => save.mutate(moved(ids, i, 1))}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={save.isPending}
                  aria-label={t('curriculumAdmin.removeNamed', { title: course.title })}
                  onClick={() => save.mutate(ids.filter((id) => id !== course.courseId))}
                >
                  {t('curriculumAdmin.remove')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <FormError error={save.error} />
      <div className="field">
        <label htmlFor="cur-course-search">{t('curriculumAdmin.addCourse')}</label>
        <input
          id="cur-course-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('curriculumAdmin.searchPlaceholder')}
          autoComplete="off"
        />
      </div>
      {query && found.data && (
        <ul className="plain-list curriculum-candidates" aria-live="polite">
          {candidates.length === 0 && <li className="muted">{t('curriculumAdmin.noMatch')}</li>}
          {candidates.map((course) => (
            <li key={course.id} className="curriculum-courses__item">
              <span className="curriculum-courses__title">
                {course.title} <span className="mono muted">{course.code}</span> ·{' '}
                {t('curriculumAdmin.hours', { hours: formatNumber(course.hours, lng) })}
              </span>
              <button
                type="button"
                className="button button--small button--primary"
                disabled={save.isPending}
                aria-label={t('curriculumAdmin.addNamed', { title: course.title })}
                onClick={() => save.mutate([...ids, course.id])}
              >
                {t('curriculumAdmin.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
