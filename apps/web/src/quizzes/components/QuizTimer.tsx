import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../quiz-clock';

const WARNING_MS = 60_000;

export function QuizTimer({ remainingMs }: { remainingMs: number }) {
  const { t } = useTranslation();
  const warning = remainingMs <= WARNING_MS;
  return (
    <div className={`quiz-timer${warning ? ' quiz-timer--warning' : ''}`}>
      <span>{t('quiz.timeLeft')}</span>{' '}
      <strong role="timer" aria-label={t('quiz.timeLeft')} data-testid="quiz-timer">
        {formatCountdown(remainingMs)}
      </strong>
      {warning && (
        <span className="visually-hidden" role="status">
          {t('quiz.lastMinute')}
        </span>
      )}
    </div>
  );
}
