import { useTranslation } from 'react-i18next';
import type { AttemptQuestion } from '../api';

export function QuestionView({
  question,
  index,
  chosen,
  onChange,
  disabled,
}: {
  question: AttemptQuestion;
  index: number;
  chosen: string[];
  onChange: (optionIds: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const multiple = question.type === 'multiple';
  const name = `question-${question.id}`;

  function toggle(optionId: string, checked: boolean) {
    if (!multiple) return onChange([optionId]);
    onChange(checked ? [...chosen, optionId] : chosen.filter((id) => id !== optionId));
  }

  return (
    <fieldset className="question" id={`q-${question.id}`} disabled={disabled}>
      <legend className="question__text">
        <span className="question__number">{t('quiz.questionNumber', { n: index + 1 })}</span>{' '}
        {question.text}
      </legend>
      <p className="muted question__hint">
        {multiple ? t('quiz.hintMultiple') : t('quiz.hintSingle')}
      </p>
      <div className="question__options">
        {question.options.map((option) => (
          <label key={option.id} className="option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
