import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { ProgressBar } from '../app/ProgressBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatNumber } from '../i18n/format';
import { useEnrollment } from '../learning/hooks/useMyEnrollments';
import { CourseOutlineView } from './components/CourseOutlineView';
import { CourseOwner } from './components/CourseOwner';
import { useCourseProgress } from '../learning/hooks/useCourseProgress';
import { firstLessonId, lessonPath, nextItemPath, quizPath, resumePath } from './course-paths';
import { useCourse } from './hooks/useCourse';
import { useEnroll } from './hooks/useEnroll';

export default function CoursePage() {
  const { t, i18n } = useTranslation();
  const courseId = useParams().courseId ?? '';
  const course = useCourse(courseId);
  const { enrollment, isPending: enrollmentPending } = useEnrollment(courseId);
  const progress = useCourseProgress(courseId, !!enrollment);
  const enrollMutation = useEnroll(courseId);
  const navigate = useNavigate();
  useDocumentTitle(course.data?.title ?? t('course.title'));

  if (course.isPending) return <PageLoading />;
  if (course.isError)
    return <PageError error={course.error} onRetry={() => void course.refetch()} />;

  const data = course.data;
  const completed = enrollment?.status === 'completed';
  const finalQuiz = data.quizzes.find((q) => q.kind === 'final');

  async function onEnroll() {
    await enrollMutation.mutateAsync();
    const first = firstLessonId(data);
    if (first) navigate(lessonPath(data.id, first));
  }

  return (
    <>
      <section className="card" aria-labelledby="course-title">
        <p className="muted mono">{data.code}</p>
        <h1 id="course-title">{data.title}</h1>
        <ul className="tags">
          <li className="tag">
            {t('courses.hours', { hours: formatNumber(data.hours, i18n.resolvedLanguage) })}
          </li>
          <li className="tag">{t('course.totalMinutes', { minutes: data.totalMinutes })}</li>
          {completed && (
            <li className="tag tag--success" data-testid="course-completed">
              {t('course.completed')}
            </li>
          )}
        </ul>
        <p className="muted">
          <CourseOwner course={data} />
        </p>
        {data.description && <p className="course-description">{data.description}</p>}

        {enrollmentPending ? null : enrollment ? (
          <div className="course-actions">
            <ProgressBar value={enrollment.progress} />
            {completed && enrollment.completedAt && (
              <p className="alert alert--success">
                {t('course.completedOn', {
                  date: formatDate(enrollment.completedAt, i18n.resolvedLanguage),
                })}
              </p>
            )}
            <div className="button-row">
              <Link
                className="button button--primary"
                to={
                  // The next unfinished item; a finished course reopens where it was left.
                  progress.data?.next
                    ? nextItemPath(data.id, progress.data.next)
                    : resumePath(data.id, enrollment.lastLessonId, data)
                }
              >
                {completed ? t('course.review') : t('course.resume')}
              </Link>
              {completed && (
                <Link className="button" to="/my-certificates">
                  {t('course.viewCertificate')}
                </Link>
              )}
              {finalQuiz && !completed && (
                <Link className="button" to={quizPath(finalQuiz.id, data.id)}>
                  {t('course.takeFinalQuiz')}
                </Link>
              )}
            </div>
          </div>
        ) : (
          <div className="course-actions">
            {enrollMutation.isError && <PageError error={enrollMutation.error} />}
            <button
              type="button"
              className="button button--primary"
              onClick={() => void onEnroll().catch(() => undefined)}
              disabled={enrollMutation.isPending}
              aria-busy={enrollMutation.isPending}
            >
              {t('course.enroll')}
            </button>
          </div>
        )}
      </section>
      <CourseOutlineView course={data} enrolled={!!enrollment} progress={progress.data} />
    </>
  );
}
