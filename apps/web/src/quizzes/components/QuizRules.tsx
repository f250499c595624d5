import type { QuizOutline } from '@dx/contracts';
import { useTranslation } from 'react-i18next';

/** Time limit, attempts left, pass mark, number of questions and when answers show, before starting. */
export function QuizRules({
  quiz,
  attemptsUsed,
}: {
  quiz: Partial<QuizOutline>;
  attemptsUsed: number;
}) {
  const { t } = useTranslation();
  const questions = quiz.questionsPerAttempt ?? quiz.questionCount;
  const max = quiz.maxAttempts ?? null;
  return (
    <dl className="details quiz-rules">
      <div>
        <dt>{t('quiz.timeLimit')}</dt>
        <dd>
          {quiz.timeLimitSeconds
            ? t('quiz.minutes', { minutes: Math.round(quiz.timeLimitSeconds / 60) })
            : t('quiz.noTimeLimit')}
        </dd>
      </div>
      <div>
        <dt>{t('quiz.attemptsLeft')}</dt>
        <dd data-testid="attempts-left">
          {max === null
            ? t('quiz.unlimitedAttempts')
            : t('quiz.attemptsLeftValue', { left: Math.max(0, max - attemptsUsed), max })}
        </dd>
      </div>
      {quiz.passingScore !== undefined && (
        <div>
          <dt>{t('quiz.passMark')}</dt>
          <dd>{t('quiz.passMarkValue', { score: quiz.passingScore })}</dd>
        </div>
      )}
      {questions !== undefined && (
        <div>
          <dt>{t('quiz.questionCount')}</dt>
          <dd>{questions}</dd>
        </div>
      )}
      {quiz.reviewPolicy !== undefined && (
        <div>
          <dt>{t('quiz.reviewWhen')}</dt>
          <dd data-testid="review-policy">{t(`quiz.reviewWhenValue.${quiz.reviewPolicy}`)}</dd>
        </div>
      )}
    </dl>
  );
}
