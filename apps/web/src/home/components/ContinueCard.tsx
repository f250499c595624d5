import type { MyEnrollment } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../../app/ProgressBar';
import { nextItemPath, resumePath } from '../../courses/course-paths';
import { useCourseProgress } from '../../learning/hooks/useCourseProgress';

/** The course studied most recently, with a link to its next unfinished lesson or quiz. */
export function ContinueCard({ enrollment }: { enrollment: MyEnrollment }) {
  const { t } = useTranslation();
  const progress = useCourseProgress(enrollment.courseId, true);
  const next = progress.data?.next;
  return (
    <section className="card home-continue" aria-labelledby="home-continue-title">
      <h2 id="home-continue-title">{t('home.continueTitle')}</h2>
      <p className="home-continue__course">
        <Link to={`/courses/${encodeURIComponent(enrollment.courseId)}`}>{enrollment.title}</Link>
      </p>
      <ProgressBar value={enrollment.progress} />
      {/* The line keeps its height while the next item loads: no jump. */}
      <p className="home-continue__next muted">
        {next ? t('home.nextItem', { title: next.title }) : '\u00a0'}
      </p>
      <Link
        className="button button--primary"
        to={
          next
            ? nextItemPath(enrollment.courseId, next)
            : resumePath(enrollment.courseId, enrollment.lastLessonId)
        }
      >
        {t('course.resume')}
      </Link>
    </section>
  );
}
