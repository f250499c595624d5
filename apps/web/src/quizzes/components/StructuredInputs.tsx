import { useTranslation } from 'react-i18next';
import type { AnswerValue, AttemptQuestion } from '../api';
import { OptionContent } from './QuestionImage';

interface InputProps {
  question: AttemptQuestion;
  answer: AnswerValue;
  onChange: (answer: AnswerValue) => void;
}

/**
 * Matching: one native select per left-hand item (keyboard and phone pickers for free),
 * each offering every right-hand text. The answer pairs optionIds with matches one by one.
 */
export function MatchingInput({ question, answer, onChange }: InputProps) {
  const { t } = useTranslation();
  const ids = question.options.map((o) => o.id);
  const picked = new Map(answer.optionIds.map((id, i) => [id, answer.matches?.[i] ?? '']));
  function pick(optionId: string, match: string) {
    const matches = ids.map((id) => (id === optionId ? match : (picked.get(id) ?? '')));
    onChange({ optionIds: ids, matches });
  }
  return (
    <div className="matching">
      {question.options.map((o) => {
        const selectId = `match-${question.id}-${o.id}`;
        return (
          <div key={o.id} className="matching__row">
            <label htmlFor={selectId} className="matching__item">
              <OptionContent option={o} />
            </label>
            <select
              id={selectId}
              value={picked.get(o.id) ?? ''}
              onChange={(e) => pick(o.id, e.target.value)}
            >
              <option value="">{t('quiz.matchNone')}</option>
              {(question.choices ?? []).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}

/**
 * Ordering: the items as a list with "up" and "down" buttons (no drag and drop: it fails
 * keyboards, screen readers and small touch screens). The shown order is never the answer.
 */
export function OrderingInput({ question, answer, onChange }: InputProps) {
  const { t } = useTranslation();
  const shown = question.options.map((o) => o.id);
  const complete =
    answer.optionIds.length === shown.length && shown.every((id) => answer.optionIds.includes(id));
  const order = complete ? answer.optionIds : shown;
  const optionOf = new Map(question.options.map((o) => [o.id, o]));
  function move(from: number, to: number) {
    const next = order.slice();
    [next[from], next[to]] = [next[to], next[from]];
    onChange({ optionIds: next });
  }
  return (
    <ol className="ordering">
      {order.map((id, i) => {
        const option = optionOf.get(id) ?? { text: '' };
        const text = option.text;
        return (
          <li key={id} className="ordering__item">
            <span className="ordering__text">
              <OptionContent option={option} />
            </span>
            <span className="ordering__buttons">
              <button
                type="button"
                className="button button--small"
                disabled={i === 0}
                aria-label={t('quiz.moveUp', { text })}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={i === order.length - 1}
                aria-label={t('quiz.moveDown', { text })}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Short answer and numeric: one text field (a decimal keypad on phones for numbers). */
export function TypedInput({ question, answer, onChange }: InputProps) {
  const { t } = useTranslation();
  const numeric = question.type === 'numeric';
  const inputId = `typed-${question.id}`;
  return (
    <div className="form-field">
      <label htmlFor={inputId}>{t(numeric ? 'quiz.yourNumber' : 'quiz.yourText')}</label>
      <input
        id={inputId}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        autoComplete="off"
        maxLength={1000}
        aria-describedby={`q-${question.id}-hint`}
        value={answer.text ?? ''}
        onChange={(e) => onChange({ optionIds: [], text: e.target.value })}
      />
    </div>
  );
}
