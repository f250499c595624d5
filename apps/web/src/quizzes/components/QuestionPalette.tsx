import { useTranslation } from 'react-i18next';
import { isAnswered, type AttemptAnswers, type AttemptQuestion } from '../api';

/** Numbered buttons, one per question, showing which are answered. */
export function QuestionPalette({
  questions,
  answers,
  current,
  onSelect,
}: {
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  current: number | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="palette" aria-label={t('quiz.palette')}>
      <ol>
        {questions.map((q, i) => {
          const answered = isAnswered(answers[q.id]);
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`palette__item${answered ? ' palette__item--answered' : ''}`}
                aria-current={current === i ? 'step' : undefined}
                aria-label={t(answered ? 'quiz.paletteAnswered' : 'quiz.paletteUnanswered', {
                  n: i + 1,
                })}
                onClick={() => onSelect(i)}
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
