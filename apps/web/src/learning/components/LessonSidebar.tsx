import type { CourseOutline, CourseProgress } from '@dx/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lessonPath, quizPath } from '../../courses/course-paths';
import { lessonLocks } from '../lesson-locks';
import { DoneMark } from './DoneMark';
import { LockMark } from './LockMark';

/** Modules and lessons, then the quizzes, of the course; folded behind a button on phones. */
export function LessonSidebar({
  course,
  currentLessonId,
  progress,
}: {
  course: CourseOutline;
  currentLessonId: string;
  progress?: CourseProgress;
}) {
  const { t } = useTranslation();
  // Same marks as the course outline: finished lessons and passed quizzes.
  const done = new Set([
    ...(progress?.completedLessonIds ?? []),
    ...(progress?.passedQuizIds ?? []),
  ]);
  // Before the progress arrives nothing is shown locked (the server has the last word).
  const { locked } = progress
    ? lessonLocks(course, progress.completedLessonIds)
    : { locked: new Set<string>() };
  const [open, setOpen] = useState(false);
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  return (
    <nav className="lesson-sidebar" aria-label={t('lesson.sidebar')}>
      <button
        type="button"
        className="button button--small lesson-sidebar__toggle"
        aria-expanded={open}
        aria-controls="lesson-sidebar-list"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('lesson.hideOutline') : t('lesson.showOutline')}
      </button>
      <div
        id="lesson-sidebar-list"
        className={`lesson-sidebar__list${open ? ' lesson-sidebar__list--open' : ''}`}
      >
        <p className="lesson-sidebar__course">
          <Link to={`/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
        </p>
        <ol>
          {modules.map((mod) => (
            <li key={mod.id}>
              <span className="lesson-sidebar__module">{mod.title}</span>
              <ol>
                {[...mod.lessons]
                  .sort((a, b) => a.position - b.position)
                  .map((lesson) => (
                    <li key={lesson.id}>
                      <DoneMark done={done.has(lesson.id)} />
                      <LockMark locked={locked.has(lesson.id)} />
                      <Link
                        to={lessonPath(course.id, lesson.id)}
                        aria-current={lesson.id === currentLessonId ? 'page' : undefined}
                        onClick={() => setOpen(false)}
                      >
                        {lesson.title}
                      </Link>
                    </li>
                  ))}
              </ol>
            </li>
          ))}
          {course.quizzes.length > 0 && (
            <li>
              <span className="lesson-sidebar__module">{t('course.quizzes')}</span>
              <ol>
                {course.quizzes.map((quiz) => (
                  <li key={quiz.id}>
                    <DoneMark done={done.has(quiz.id)} />
                    <Link to={quizPath(quiz.id, course.id)} onClick={() => setOpen(false)}>
                      {quiz.title}
                    </Link>
                  </li>
                ))}
              </ol>
            </li>
          )}
        </ol>
      </div>
    </nav>
  );
}
