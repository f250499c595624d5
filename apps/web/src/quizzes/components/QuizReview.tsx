import type { AttemptResultResponse } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { toAnswerValue, type AttemptAnswers, type AttemptQuestion } from '../api';
import { ReviewAnswer } from './ReviewAnswer';

/**
 * Score, passed or not, then each question with the learner's choice and — when the quiz's
 * reveal policy allows (`answersShown`) — the verdict, the right options and the explanation.
 */
export function QuizReview({
  result,
  questions,
  answers,
}: {
  result: AttemptResultResponse & { courseCompleted?: boolean };
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
}) {
  const { t } = useTranslation();
  const reviewById = new Map(result.review.map((r) => [r.questionId, r]));
  return (
    <>
      <section
        className={`card result ${result.passed ? 'result--passed' : 'result--failed'}`}
        aria-labelledby="result-title"
      >
        <h2 id="result-title" data-testid="quiz-result">
          {result.passed ? t('quiz.passed') : t('quiz.failed')}
        </h2>
        {'courseCompleted' in result && result.courseCompleted === true && (
          <p className="alert alert--success">{t('quiz.courseCompleted')}</p>
        )}
        <p className="result__score">
          {t('quiz.score', { score: result.score })}{' '}
          <span className="muted">
            {t('quiz.correctCount', { correct: result.correctCount, total: result.total })}
          </span>
        </p>
        {!result.answersShown && (
          <p className="alert" data-testid="answers-hidden">
            {t(`quiz.answersHidden.${result.reviewPolicy}`)}
          </p>
        )}
      </section>
      {questions.length > 0 && (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('quiz.reviewTitle')}</h2>
          <ol className="plain-list">
            {questions.map((q, i) => {
              const review = reviewById.get(q.id);
              return (
                <li
                  key={q.id}
                  className={`card review-item ${!review ? '' : review.correct ? 'review-item--correct' : 'review-item--wrong'}`}
                >
                  <h3>
                    {t('quiz.questionNumber', { n: i + 1 })} {q.text}
                  </h3>
                  {review && (
                    <p className="review-item__verdict">
                      {review.correct ? `✓ ${t('quiz.correct')}` : `✕ ${t('quiz.incorrect')}`}
                    </p>
                  )}
                  <ReviewAnswer
                    question={q}
                    answer={toAnswerValue(answers[q.id])}
                    review={review}
                  />
                  {review?.explanation && (
                    <p className="review-item__explanation">
                      <strong>{t('quiz.explanation')}</strong> {review.explanation}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
}
