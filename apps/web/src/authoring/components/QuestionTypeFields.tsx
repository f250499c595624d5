import type { QuestionType } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import type { OptionDraft } from '../question-form';

/** The second field of an option row: the match of a matching item, the tolerance of a value. */
export function OptionExtraField({
  type,
  option,
  index,
  prefix,
  onChange,
}: {
  type: QuestionType;
  option: OptionDraft;
  index: number;
  prefix: string;
  onChange: (patch: Partial<OptionDraft>) => void;
}) {
  const { t } = useTranslation();
  if (type !== 'matching' && type !== 'numeric') return null;
  const id = `${prefix}-opt-${option.key}-${type}`;
  const matching = type === 'matching';
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {t(matching ? 'authoring.matchN' : 'authoring.toleranceN', { n: index + 1 })}
      </label>
      <input
        id={id}
        type="text"
        required={matching}
        inputMode={matching ? 'text' : 'decimal'}
        placeholder={t(matching ? 'authoring.matchPlaceholder' : 'authoring.tolerancePlaceholder')}
        value={matching ? option.match : option.tolerance}
        onChange={(e) =>
          onChange(matching ? { match: e.target.value } : { tolerance: e.target.value })
        }
      />
    </>
  );
}

/** Short answer: how typed answers compare with the accepted ones. */
export function TextRuleFields({
  prefix,
  value,
  onChange,
}: {
  prefix: string;
  value: { ignoreCase: boolean; ignoreDiacritics: boolean };
  onChange: (value: { ignoreCase: boolean; ignoreDiacritics: boolean }) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="options-editor">
      <legend>{t('authoring.textRule')}</legend>
      <label className="option option--inline" htmlFor={`${prefix}-ignore-case`}>
        <input
          id={`${prefix}-ignore-case`}
          type="checkbox"
          checked={value.ignoreCase}
          onChange={(e) => onChange({ ...value, ignoreCase: e.target.checked })}
        />
        <span>{t('authoring.ignoreCase')}</span>
      </label>
      <label className="option option--inline" htmlFor={`${prefix}-ignore-diacritics`}>
        <input
          id={`${prefix}-ignore-diacritics`}
          type="checkbox"
          checked={value.ignoreDiacritics}
          onChange={(e) => onChange({ ...value, ignoreDiacritics: e.target.checked })}
        />
        <span>{t('authoring.ignoreDiacritics')}</span>
      </label>
    </fieldset>
  );
}
