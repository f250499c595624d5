import type { CourseOutline, CourseProgress, LessonContent, MyEnrollment } from '@dx/contracts';
import { isApiError } from '../../api/api-error';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageError } from '../../app/PageStatus';
import { ProgressBar } from '../../app/ProgressBar';
import { lessonPath, quizPath } from '../../courses/course-paths';
import { useCountdown } from '../hooks/useCountdown';
import { useCompleteLesson } from '../hooks/useLesson';
import { clockText, lessonLocks } from '../lesson-locks';

/**
 * "Hoàn thành và tiếp tục" (one click: done, then the next lesson or the final quiz), or
 * "Hoàn thành bài học" when nothing follows; the course's progress; what comes after.
 * The course's pacing shows here: a locked lesson names the one to finish first, and a
 * minimum time counts down (the server keeps the real clock and answers what is left).
 */
export function LessonCompletion({
  course,
  lesson,
  enrollment,
  progress: courseProgress,
}: {
  course: CourseOutline | undefined;
  lesson: LessonContent;
  enrollment: MyEnrollment | undefined;
  progress?: CourseProgress;
}) {
  const { t } = useTranslation();
  const complete = useCompleteLesson(lesson.courseId, lesson.id);
  const [secondsLeft, setSecondsLeft] = useCountdown(lesson.completed ? 0 : lesson.minSeconds);
  const { blockedBy } =
    course && courseProgress && !lesson.completed
      ? lessonLocks(course, courseProgress.completedLessonIds)
      : { blockedBy: null };
  const lockedBy = blockedBy && blockedBy.id !== lesson.id ? blockedBy : null;
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
      onError: (error) => {
        // The server's clock started at the first opening: take what it says is left.
        if (isApiError(error) && error.code === 'lesson_time_not_reached') {
          setSecondsLeft(Number(error.params?.remainingSeconds) || 0);
        }
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
        <>
          {lockedBy && (
            <p className="alert alert--info">
              {t('lesson.lockedHint')}{' '}
              <Link to={lessonPath(lesson.courseId, lockedBy.id)}>{lockedBy.title}</Link>
            </p>
          )}
          {!lockedBy && secondsLeft > 0 && (
            <p className="muted">
              {t('lesson.minTimeHint', { minutes: Math.ceil(lesson.minSeconds / 60) })}{' '}
              <span role="timer" aria-label={t('lesson.timeLeftLabel')}>
                {t('lesson.timeLeft', { clock: clockText(secondsLeft) })}
              </span>
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={onComplete}
            disabled={complete.isPending || !!lockedBy || secondsLeft > 0}
            aria-busy={complete.isPending}
          >
            {nextPath ? t('lesson.completeAndContinue') : t('lesson.complete')}
          </button>
        </>
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
