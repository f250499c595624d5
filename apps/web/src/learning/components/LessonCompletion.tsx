import type { CourseOutline, LessonContent, MyEnrollment } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../app/PageStatus';
import { ProgressBar } from '../../app/ProgressBar';
import { lessonPath, quizPath } from '../../courses/course-paths';
import { useCompleteLesson } from '../hooks/useLesson';

/**
 * "Hoàn thành và tiếp tục" (one click: done, then the next lesson or the final quiz), or
 * "Hoàn thành bài học" when nothing follows; the course's progress; what comes after.
 */
export function LessonCompletion({
  course,
  lesson,
  enrollment,
}: {
  course: CourseOutline | undefined;
  lesson: LessonContent;
  enrollment: MyEnrollment | undefined;
}) {
  const { t } = useTranslation();
  const complete = useCompleteLesson(lesson.courseId, lesson.id);
  const progress = complete.data?.progress ?? enrollment?.progress ?? 0;
  const courseCompleted = complete.data?.courseCompleted || enrollment?.status === 'completed';
  const finalQuiz = course?.quizzes.find((q) => q.kind === 'final');
  const navigate = useNavigate();
  const nextPath = lesson.nextLessonId
    ? lessonPath(lesson.courseId, lesson.nextLessonId)
    : finalQuiz
      ? quizPath(finalQuiz.id, lesson.courseId)
      : null;

  function onComplete() {
    complete.mutate(undefined, {
      onSuccess: (result) => {
        // A course completed by this lesson stays here to say so.
        if (nextPath && !result.courseCompleted) navigate(nextPath);
      },
    });
  }

  return (
    <section className="card lesson-completion" aria-label={t('lesson.completionSection')}>
      {lesson.completed ? (
        <p className="lesson-completion__done">
          <span aria-hidden="true">✓ </span>
          {t('lesson.completed')}
        </p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={onComplete}
          disabled={complete.isPending}
          aria-busy={complete.isPending}
        >
          {nextPath ? t('lesson.completeAndContinue') : t('lesson.complete')}
        </button>
      )}
      {complete.isError && <PageError error={complete.error} />}
      <ProgressBar value={progress} />
      <div role="status" aria-live="polite">
        {courseCompleted ? (
          <p className="alert alert--success">
            <strong>{t('lesson.courseCompleted')}</strong>{' '}
            <Link to={`/courses/${encodeURIComponent(lesson.courseId)}`}>
              {t('lesson.backToCourse')}
            </Link>{' '}
            · <Link to="/my-certificates">{t('course.viewCertificate')}</Link>
          </p>
        ) : (
          finalQuiz &&
          lesson.completed &&
          !lesson.nextLessonId && (
            <p className="alert alert--info">
              {t('lesson.finalQuizHint')}{' '}
              <Link to={quizPath(finalQuiz.id, lesson.courseId)}>{finalQuiz.title}</Link>
            </p>
          )
        )}
      </div>
    </section>
  );
}
