import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { AttemptHistoryTable } from './components/AttemptHistoryTable';
import { QuizRules } from './components/QuizRules';
import { useAttemptHistory, useQuizInfo } from './hooks/useQuizInfo';
import { quizAttemptPath, quizReviewPath } from './quiz-paths';

/** Start screen: the rules, past attempts, and the button to begin (or go on). */
export default function QuizPage() {
  const { t } = useTranslation();
  const quizId = useParams().quizId ?? '';
  const courseId = useSearchParams()[0].get('course');
  const { course, quiz } = useQuizInfo(quizId, courseId);
  const history = useAttemptHistory(quizId);
  const title = quiz?.title ?? t('quiz.title');
  useDocumentTitle(title);

  if ((courseId && course.isPending) || history.isPending) return <PageLoading />;
  if (history.isError) {
    return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  }

  const attempts = history.data;
  const settings = quiz;
  const open = attempts.find((a) => a.status === 'open');
  const used = attempts.length;
  const max = settings?.maxAttempts ?? null;
  const exhausted = !open && max !== null && used >= max;
  const passed = attempts.some((a) => a.passed);

  return (
    <>
      <section className="card" aria-labelledby="quiz-title">
        {course.data && (
          <p className="muted">
            <Link to={`/courses/${encodeURIComponent(course.data.id)}`}>{course.data.title}</Link>
          </p>
        )}
        <h1 id="quiz-title">{title}</h1>
        {settings && <QuizRules quiz={settings} attemptsUsed={used} />}
        <p className="muted">{t('quiz.rulesNote')}</p>
        {passed && <p className="alert alert--success">{t('quiz.alreadyPassed')}</p>}
        {exhausted ? (
          <p className="alert alert--error">{t('quiz.noAttemptsLeft')}</p>
        ) : (
          <Link className="button button--primary" to={quizAttemptPath(quizId, courseId)}>
            {open ? t('quiz.resume') : t('quiz.start')}
          </Link>
        )}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('quiz.history')}</h2>
        <AttemptHistoryTable
          attempts={attempts}
          reviewPath={(attemptId) => quizReviewPath(quizId, attemptId, courseId)}
        />
      </section>
    </>
  );
}
