import { useTranslation } from 'react-i18next';
import type { AnswerValue, AttemptQuestion } from '../api';
import { OptionContent, QuestionImage } from './QuestionImage';
import { MatchingInput, OrderingInput, TypedInput } from './StructuredInputs';

/** One question of a running attempt, answered with the input its type needs. */
export function QuestionView({
  question,
  index,
  answer,
  onChange,
  disabled,
}: {
  question: AttemptQuestion;
  index: number;
  answer: AnswerValue;
  onChange: (answer: AnswerValue) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const hint = t(`quiz.hint.${question.type}`);
  return (
    <fieldset className="question" id={`q-${question.id}`} disabled={disabled}>
      <legend className="question__text">
        <span className="question__number">{t('quiz.questionNumber', { n: index + 1 })}</span>{' '}
        {question.text}
      </legend>
      {question.image && <QuestionImage image={question.image} />}
      <p className="muted question__hint" id={`q-${question.id}-hint`}>
        {hint}
      </p>
      {question.type === 'matching' ? (
        <MatchingInput question={question} answer={answer} onChange={onChange} />
      ) : question.type === 'ordering' ? (
        <OrderingInput question={question} answer={answer} onChange={onChange} />
      ) : question.type === 'short_answer' || question.type === 'numeric' ? (
        <TypedInput question={question} answer={answer} onChange={onChange} />
      ) : (
        <ChoiceInput question={question} answer={answer} onChange={onChange} />
      )}
    </fieldset>
  );
}

function ChoiceInput({
  question,
  answer,
  onChange,
}: {
  question: AttemptQuestion;
  answer: AnswerValue;
  onChange: (answer: AnswerValue) => void;
}) {
  const multiple = question.type === 'multiple';
  const chosen = answer.optionIds;
  function toggle(optionId: string, checked: boolean) {
    if (!multiple) return onChange({ optionIds: [optionId] });
    onChange({
      optionIds: checked ? [...chosen, optionId] : chosen.filter((id) => id !== optionId),
    });
  }
  return (
    <div className="question__options">
      {question.options.map((option) => (
        <label key={option.id} className="option">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`question-${question.id}`}
            value={option.id}
            checked={chosen.includes(option.id)}
            onChange={(e) => toggle(option.id, e.target.checked)}
          />
          <OptionContent option={option} />
        </label>
      ))}
    </div>
  );
}
