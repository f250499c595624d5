import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { AttemptRunner } from './components/AttemptRunner';
import { useStartAttempt } from './hooks/useAttemptSession';
import { useQuizInfo } from './hooks/useQuizInfo';
import { quizStartPath } from './quiz-paths';

export default function QuizAttemptPage() {
  const { t } = useTranslation();
  const quizId = useParams().quizId ?? '';
  const courseId = useSearchParams()[0].get('course');
  const { quiz } = useQuizInfo(quizId, courseId);
  const start = useStartAttempt(quizId);
  const title = quiz?.title ?? t('quiz.title');
  useDocumentTitle(title);

  if (start.isPending) return <PageLoading />;
  if (start.isError) {
    if (isApiError(start.error) && start.error.statusCode === 409) {
      return (
        <section className="card">
          <h1>{title}</h1>
          <p className="alert alert--error">{t('quiz.noAttemptsLeft')}</p>
          <Link className="button" to={quizStartPath(quizId, courseId)}>
            {t('quiz.backToQuiz')}
          </Link>
        </section>
      );
    }
    return <PageError error={start.error} onRetry={() => void start.refetch()} />;
  }
  return (
    <AttemptRunner
      key={start.data.attemptId}
      attempt={start.data}
      quizId={quizId}
      courseId={courseId}
      title={title}
    />
  );
}
