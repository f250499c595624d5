import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../i18n/format';
import type { CatalogCourse } from '../api';
import { CourseOwner } from './CourseOwner';

export function CourseCard({ course }: { course: CatalogCourse }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="course-card">
      <h2 className="course-card__title">
        <Link to={`/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
      </h2>
      <p className="course-card__meta">
        <span className="mono">{course.code}</span>
        <span>
          {t('courses.hours', { hours: formatNumber(course.hours, i18n.resolvedLanguage) })}
        </span>
        <CourseOwner course={course} />
      </p>
      {course.description && <p className="course-card__desc">{course.description}</p>}
    </li>
  );
}
