import type { MyEnrollment } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../../app/ProgressBar';
import { resumePath } from '../../courses/course-paths';
import { formatDate } from '../../i18n/format';

export function EnrollmentList({ enrollments }: { enrollments: MyEnrollment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="enrollment-list">
      {enrollments.map((e) => {
        const completed = e.status === 'completed';
        return (
          <li key={e.enrollmentId ?? e.courseId} className="card">
            <h3>
              <Link to={`/courses/${encodeURIComponent(e.courseId)}`}>{e.title}</Link>
            </h3>
            <p>
              <span className="tag">{t('learning.yearTag', { year: e.year })}</span>{' '}
              <span className={`tag${completed ? ' tag--success' : ''}`}>
                {t(`enrollmentStatus.${e.status}`)}
              </span>
              {completed && e.completedAt && (
                <span className="muted">
                  {' '}
                  {t('learning.completedAt', {
                    date: formatDate(e.completedAt, i18n.resolvedLanguage),
                  })}
                </span>
              )}
            </p>
            <ProgressBar value={e.progress} />
            <Link className="button button--small" to={resumePath(e.courseId, e.lastLessonId)}>
              {completed ? t('course.review') : t('course.resume')}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
