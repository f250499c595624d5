import type { ReviewItem } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, AttemptQuestion } from '../api';
import { OptionContent } from './QuestionImage';

/**
 * A question's answer in the review: what the learner gave and, only when the reveal policy
 * sent a review item, the key. Choice questions list their options with tags.
 */
export function ReviewAnswer({
  question: q,
  answer,
  review,
}: {
  question: AttemptQuestion;
  answer: AnswerValue;
  review: ReviewItem | undefined;
}) {
  const { t } = useTranslation();
  const textOf = new Map(q.options.map((o) => [o.id, o.text]));
  const key = review?.correctOptionIds ?? [];

  if (q.type === 'matching') {
    const picked = new Map(answer.optionIds.map((id, i) => [id, answer.matches?.[i] ?? '']));
    const rightMatch = new Map(key.map((id, i) => [id, review?.correctMatches?.[i] ?? '']));
    return (
      <ul className="review-options">
        {q.options.map((o) => (
          <li key={o.id} className="review-option">
            <span>
              <OptionContent option={o} /> → {picked.get(o.id) || t('quiz.noAnswer')}
            </span>
            {rightMatch.has(o.id) && (
              <span className="tag tag--success">
                {t('quiz.rightMatch', { match: rightMatch.get(o.id) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    );
  }

  if (q.type === 'ordering') {
    const mine = answer.optionIds.length ? answer.optionIds : [];
    return (
      <div className="review-orders">
        <OrderList title={t('quiz.yourOrder')} ids={mine} textOf={textOf} />
        {review && <OrderList title={t('quiz.rightOrder')} ids={key} textOf={textOf} />}
      </div>
    );
  }

  if (q.type === 'short_answer' || q.type === 'numeric') {
    return (
      <div className="review-typed">
        <p>
          {t(q.type === 'numeric' ? 'quiz.yourNumber' : 'quiz.yourText')}:{' '}
          <strong>{answer.text?.trim() || t('quiz.noAnswer')}</strong>
        </p>
        {review?.correctAnswers && (
          <p className="tag tag--success">
            {t('quiz.acceptedAnswers', { answers: review.correctAnswers.join('; ') })}
          </p>
        )}
      </div>
    );
  }

  return (
    <ul className="review-options">
      {q.options.map((o) => {
        const isCorrect = key.includes(o.id);
        const isChosen = answer.optionIds.includes(o.id);
        return (
          <li
            key={o.id}
            className={`review-option${isCorrect ? ' review-option--correct' : ''}${isChosen ? ' review-option--chosen' : ''}`}
          >
            <OptionContent option={o} />
            {isCorrect && <span className="tag tag--success">{t('quiz.rightAnswer')}</span>}
            {isChosen && <span className="tag">{t('quiz.yourAnswer')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function OrderList({
  title,
  ids,
  textOf,
}: {
  title: string;
  ids: string[];
  textOf: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <p className="muted">{title}</p>
      {ids.length ? (
        <ol>
          {ids.map((id) => (
            <li key={id}>{textOf.get(id)}</li>
          ))}
        </ol>
      ) : (
        <p>{t('quiz.noAnswer')}</p>
      )}
    </div>
  );
}
