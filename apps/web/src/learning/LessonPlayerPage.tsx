import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { lessonPath } from '../courses/course-paths';
import { useCourse } from '../courses/hooks/useCourse';
import { LessonCompletion } from './components/LessonCompletion';
import { LessonFile } from './components/LessonFile';
import { LessonSidebar } from './components/LessonSidebar';
import { LessonVideo } from './components/LessonVideo';
import { useCourseProgress } from './hooks/useCourseProgress';
import { useLesson } from './hooks/useLesson';
import { useEnrollment } from './hooks/useMyEnrollments';

export default function LessonPlayerPage() {
  const { t } = useTranslation();
  const { courseId = '', lessonId = '' } = useParams();
  const lesson = useLesson(lessonId);
  const course = useCourse(courseId);
  const { enrollment, isPending: enrollmentPending } = useEnrollment(courseId);
  const progress = useCourseProgress(courseId, !!enrollment);
  useDocumentTitle(lesson.data?.title ?? t('lesson.title'));

  // Lesson, outline and enrolment load in parallel; the page waits for all three, as the
  // outline adds the sidebar (above the lesson on a phone) and the course title, and
  // showing the lesson first made it jump down when they came (layout shift 0.13).
  if (lesson.isPending || course.isPending || enrollmentPending) return <PageLoading />;
  if (lesson.isError) {
    const status = isApiError(lesson.error) ? lesson.error.statusCode : 0;
    if (status === 403 || status === 404) {
      return (
        <section className="card">
          <h1>{t('lesson.unavailable')}</h1>
          <p>{t('lesson.unavailableHint')}</p>
          <Link className="button" to={`/courses/${encodeURIComponent(courseId)}`}>
            {t('lesson.backToCourse')}
          </Link>
        </section>
      );
    }
    return <PageError error={lesson.error} onRetry={() => void lesson.refetch()} />;
  }

  const data = lesson.data;
  return (
    <div className="lesson-layout">
      {course.data && (
        <LessonSidebar course={course.data} currentLessonId={data.id} progress={progress.data} />
      )}
      <div className="lesson-main">
        <article className="card" aria-labelledby="lesson-title">
          {course.data && <p className="muted">{course.data.title}</p>}
          <h1 id="lesson-title">{data.title}</h1>
          <p className="muted">{t('course.minutes', { minutes: data.durationMinutes })}</p>
          {data.videoUrl && <LessonVideo url={data.videoUrl} title={data.title} />}
          {data.contentHtml && (
            // Sanitised by the server (contract: LessonContent.contentHtml); nothing else is
            // ever inserted as HTML.
            <div
              className="lesson-content"
              dangerouslySetInnerHTML={{ __html: data.contentHtml }}
            />
          )}
          {data.fileUrl && <LessonFile url={data.fileUrl} fileName={data.fileName} />}
        </article>
        <LessonCompletion
          key={data.id}
          course={course.data}
          lesson={data}
          enrollment={enrollment}
          progress={progress.data}
        />
        <nav className="lesson-nav" aria-label={t('lesson.navigation')}>
          {data.previousLessonId ? (
            <Link className="button" to={lessonPath(courseId, data.previousLessonId)} rel="prev">
              ← {t('lesson.previous')}
            </Link>
          ) : (
            <span />
          )}
          {data.nextLessonId && (
            <Link
              className="button button--primary"
              to={lessonPath(courseId, data.nextLessonId)}
              rel="next"
            >
              {t('lesson.next')} →
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}
