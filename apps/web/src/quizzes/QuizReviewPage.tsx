import { useQuery } from '@tanstack/react-query';
import type { AttemptResultResponse } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { fetchAttempt, quizKeys, toAnswerMap } from './api';
import { readStoredAttempt } from './attempt-storage';
import { QuizReview } from './components/QuizReview';
import { useQuizInfo } from './hooks/useQuizInfo';
import { quizStartPath } from './quiz-paths';

/** The result of a submitted attempt: from this tab's copy when it is complete, else from the API. */
export default function QuizReviewPage() {
  const { t } = useTranslation();
  const { quizId = '', attemptId = '' } = useParams();
  const stored = readStoredAttempt(attemptId);
  const courseId = useSearchParams()[0].get('course') ?? stored?.courseId ?? null;
  const { quiz } = useQuizInfo(quizId, courseId);
  // A copy that withheld the answers may be out of date (the learner has passed since, or
  // used the last attempt): ask the API, which applies the quiz's reveal policy now.
  const local =
    stored?.result && stored.result.answersShown !== false && stored.questions.length > 0
      ? stored
      : null;
  const detail = useQuery({
    queryKey: quizKeys.attempt(attemptId),
    queryFn: ({ signal }) => fetchAttempt(attemptId, signal),
    enabled: !local,
  });
  useDocumentTitle(t('quiz.resultTitle'));

  const remote = detail.data && detail.data.status !== 'open' ? detail.data : null;
  const result: AttemptResultResponse | null = local?.result ?? remote;
  const questions = local?.questions ?? remote?.questions ?? [];
  const answers = local?.answers ?? toAnswerMap(remote?.answers);
  // Passing the final completes the course, which issues its certificate (pending until the
  // worker signs it): link where the course page's certificate action goes.
  const earnedCertificate = !!result?.passed && quiz?.kind === 'final';

  return (
    <>
      <h1>
        {t('quiz.resultTitle')}
        {quiz && <span className="muted"> — {quiz.title}</span>}
      </h1>
      {!local && detail.isPending ? (
        <PageLoading />
      ) : !local && detail.isError ? (
        <PageError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : result ? (
        <QuizReview result={result} questions={questions} answers={answers} />
      ) : (
        <p className="card">{t('quiz.noResult')}</p>
      )}
      <div className="button-row">
        {courseId && (
          <Link className="button button--primary" to={`/courses/${encodeURIComponent(courseId)}`}>
            {t('quiz.backToCourse')}
          </Link>
        )}
        {earnedCertificate && (
          <Link className="button" to="/my-certificates" data-testid="quiz-certificate-link">
            {t('course.viewCertificate')}
          </Link>
        )}
        <Link className="button" to={quizStartPath(quizId, courseId)}>
          {t('quiz.backToQuiz')}
        </Link>
      </div>
    </>
  );
}
