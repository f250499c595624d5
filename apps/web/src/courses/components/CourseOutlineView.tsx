import type { CourseOutline, CourseProgress } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DoneMark } from '../../learning/components/DoneMark';
import { LockMark } from '../../learning/components/LockMark';
import { lessonLocks } from '../../learning/lesson-locks';
import { lessonPath, quizPath } from '../course-paths';

/** Modules → lessons with durations, then the quizzes; links and ✓ marks once enrolled. */
export function CourseOutlineView({
  course,
  enrolled,
  progress,
}: {
  course: CourseOutline;
  enrolled: boolean;
  progress?: CourseProgress;
}) {
  const { t } = useTranslation();
  const done = new Set([
    ...(progress?.completedLessonIds ?? []),
    ...(progress?.passedQuizIds ?? []),
  ]);
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const { locked } =
    enrolled && progress
      ? lessonLocks(course, progress.completedLessonIds)
      : { locked: new Set<string>() };
  return (
    <section className="card" aria-labelledby="outline-title">
      <h2 id="outline-title">{t('course.outline')}</h2>
      {modules.length === 0 && <p className="muted">{t('course.noLessons')}</p>}
      {course.sequentialLessons && <p className="muted">{t('course.sequentialHint')}</p>}
      <ol className="outline">
        {modules.map((mod) => (
          <li key={mod.id} className="outline__module">
            <h3>{mod.title}</h3>
            <ol className="outline__lessons">
              {[...mod.lessons]
                .sort((a, b) => a.position - b.position)
                .map((lesson) => (
                  <li key={lesson.id} className="outline__lesson">
                    <DoneMark done={done.has(lesson.id)} />
                    <LockMark locked={locked.has(lesson.id)} />
                    {enrolled ? (
                      <Link to={lessonPath(course.id, lesson.id)}>{lesson.title}</Link>
                    ) : (
                      <span>{lesson.title}</span>
                    )}
                    <span className="muted outline__meta">
                      {t(`lessonKind.${lesson.kind}`)} ·{' '}
                      {t('course.minutes', { minutes: lesson.durationMinutes })}
                      {lesson.minSeconds > 0 &&
                        ` · ${t('course.minTime', { minutes: Math.ceil(lesson.minSeconds / 60) })}`}
                    </span>
                  </li>
                ))}
            </ol>
          </li>
        ))}
      </ol>
      {course.quizzes.length > 0 && (
        <>
          <h3>{t('course.quizzes')}</h3>
          <ul className="outline__lessons">
            {course.quizzes.map((quiz) => (
              <li key={quiz.id} className="outline__lesson">
                <DoneMark done={done.has(quiz.id)} />
                {enrolled ? (
                  <Link to={quizPath(quiz.id, course.id)}>{quiz.title}</Link>
                ) : (
                  <span>{quiz.title}</span>
                )}
                <span className="muted outline__meta">
                  {t(`quizKind.${quiz.kind}`)} ·{' '}
                  {t('course.quizMeta', {
                    questions: quiz.questionsPerAttempt ?? quiz.questionCount,
                    score: quiz.passingScore,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
