import { QUESTION_TYPES, type QuestionType } from '@dx/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import type { QuestionInput } from '../api';
import {
  initialOptions,
  isChoiceType,
  minOptions,
  optionDraft,
  optionsForType,
  optionsShown,
  toggleCorrect,
  toQuestionInput,
  type EditableQuestion,
} from '../question-form';
import { QuestionImageField, type ImageDraft } from './QuestionImageField';
import { OptionExtraField, TextRuleFields } from './QuestionTypeFields';

const MAX_OPTIONS = 10;

/**
 * The fields of a question (type, text, options with the right ones ticked, explanation),
 * for a course quiz or a question bank; `children` adds fields of the caller's own.
 */
export function QuestionForm({
  prefix,
  question,
  pending,
  error,
  saved,
  submitLabel,
  onSave,
  onDelete,
  onCancel,
  children,
}: {
  prefix: string;
  question?: EditableQuestion;
  pending: boolean;
  error: unknown;
  saved: boolean;
  submitLabel: string;
  onSave: (input: QuestionInput) => void;
  onDelete?: () => void;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<QuestionType>(question?.type ?? 'single');
  const [text, setText] = useState(question?.text ?? '');
  const [options, setOptions] = useState(() => initialOptions(question));
  const [explanation, setExplanation] = useState(question?.explanation ?? '');
  const [textRule, setTextRule] = useState({
    ignoreCase: question?.ignoreCase ?? true,
    ignoreDiacritics: question?.ignoreDiacritics ?? false,
  });
  const [image, setImage] = useState<ImageDraft>(question?.image ?? null);
  const choice = isChoiceType(type);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSave(toQuestionInput(type, text, options, explanation, textRule, image));
  }

  function onType(next: QuestionType) {
    setType(next);
    setOptions((current) => optionsForType(current, next, t('quiz.true'), t('quiz.false')));
  }

  return (
    <form className="form question-editor" onSubmit={onSubmit}>
      <FormError error={error} />
      <div className="field field--short">
        <label htmlFor={`${prefix}-type`}>{t('authoring.questionType')}</label>
        <select
          id={`${prefix}-type`}
          value={type}
          onChange={(e) => onType(e.target.value as QuestionType)}
        >
          {QUESTION_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`questionType.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-text`}>{t('authoring.questionText')}</label>
        <textarea
          id={`${prefix}-text`}
          rows={2}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <QuestionImageField prefix={prefix} value={image} onChange={setImage} />
      <fieldset className="options-editor">
        <legend>{t(`authoring.optionsFor.${type}`)}</legend>
        {options.map((o, i) => (
          <div key={o.key} className="options-editor__row">
            <label className="visually-hidden" htmlFor={`${prefix}-opt-${o.key}`}>
              {t('authoring.optionN', { n: i + 1 })}
            </label>
            <input
              id={`${prefix}-opt-${o.key}`}
              type="text"
              required
              value={o.text}
              onChange={(e) =>
                setOptions((list) =>
                  list.map((x) => (x.key === o.key ? { ...x, text: e.target.value } : x)),
                )
              }
            />
            <OptionExtraField
              type={type}
              option={o}
              index={i}
              prefix={prefix}
              onChange={(patch) =>
                setOptions((list) => list.map((x) => (x.key === o.key ? { ...x, ...patch } : x)))
              }
            />
            {choice && (
              <label className="option option--inline">
                {/* One right answer (single, true/false) is a radio group; several, checkboxes. */}
                <input
                  type={type === 'multiple' ? 'checkbox' : 'radio'}
                  name={`${prefix}-correct`}
                  checked={o.correct}
                  onChange={(e) =>
                    setOptions((list) => toggleCorrect(list, o.key, e.target.checked, type))
                  }
                />
                <span>{t('authoring.correct')}</span>
                <span className="visually-hidden"> ({t('authoring.optionN', { n: i + 1 })})</span>
              </label>
            )}
            {type !== 'true_false' && options.length > minOptions(type) && (
              <button
                type="button"
                className="button button--small"
                onClick={() => setOptions((list) => list.filter((x) => x.key !== o.key))}
                aria-label={t('authoring.removeOptionN', { n: i + 1 })}
              >
                ✕
              </button>
            )}
            {optionsShown(type) && (
              <details className="options-editor__image" open={o.image !== null}>
                <summary>{t('authoring.option.image', { n: i + 1 })}</summary>
                <QuestionImageField
                  prefix={`${prefix}-opt-${o.key}`}
                  n={i + 1}
                  value={o.image}
                  onChange={(image) =>
                    setOptions((list) => list.map((x) => (x.key === o.key ? { ...x, image } : x)))
                  }
                />
              </details>
            )}
          </div>
        ))}
        {type !== 'true_false' && options.length < MAX_OPTIONS && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setOptions((l) => [...l, optionDraft()])}
          >
            {t('authoring.addOption')}
          </button>
        )}
      </fieldset>
      {type === 'short_answer' && (
        <TextRuleFields prefix={prefix} value={textRule} onChange={setTextRule} />
      )}
      <div className="field">
        <label htmlFor={`${prefix}-explanation`}>{t('authoring.explanation')}</label>
        <textarea
          id={`${prefix}-explanation`}
          rows={2}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
      {children}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
        {onDelete && (
          <button
            type="button"
            className="button button--danger"
            disabled={pending}
            onClick={onDelete}
          >
            {t('authoring.deleteQuestion')}
          </button>
        )}
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        {saved && (
          <span role="status" className="muted">
            {t('authoring.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
