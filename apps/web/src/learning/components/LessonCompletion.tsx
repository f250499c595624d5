import type { CourseOutline, LessonContent, MyEnrollment } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError } from '../../app/PageStatus';
import { ProgressBar } from '../../app/ProgressBar';
import { quizPath } from '../../courses/course-paths';
import { useCompleteLesson } from '../hooks/useLesson';

/** "Hoàn thành bài học", the course's progress, and what comes after the last lesson. */
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
          onClick={() => complete.mutate()}
          disabled={complete.isPending}
          aria-busy={complete.isPending}
        >
          {t('lesson.complete')}
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
            </Link>
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
