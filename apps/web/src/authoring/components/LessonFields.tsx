import type { LessonKind } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '../../app/FormField';
import type { LessonInput } from '../api';
import type { LessonFieldTexts } from '../lesson-form';
import { errorProps, LessonFieldError } from './LessonFieldError';

const KINDS: LessonKind[] = ['text', 'video', 'file'];

/** What the author typed; the duration stays text until submit. */
export interface LessonFieldValues {
  title: string;
  kind: LessonKind;
  duration: string;
  /** Minimum whole minutes on the lesson (editing only; absent in the quick add form). */
  minMinutes?: string;
}

/** The title, kind and whole minutes (never negative) the API takes for a lesson. */
export function lessonFieldsInput({
  title,
  kind,
  duration,
  minMinutes,
}: LessonFieldValues): LessonInput {
  return {
    title: title.trim(),
    kind,
    durationMinutes: Math.max(0, Math.round(Number(duration) || 0)),
    ...(minMinutes !== undefined && {
      minSeconds: Math.min(1440, Math.max(0, Math.round(Number(minMinutes) || 0))) * 60,
    }),
  };
}

/**
 * Title, kind and duration of a lesson, for adding one and editing one. `inline` puts the
 * three in one row (the small add form under a module); otherwise the title is on its own.
 */
export function LessonFields({
  idPrefix,
  titleLabel,
  inline = false,
  values,
  errors = {},
  onChange,
}: {
  idPrefix: string;
  titleLabel: string;
  inline?: boolean;
  values: LessonFieldValues;
  errors?: LessonFieldTexts;
  onChange: (patch: Partial<LessonFieldValues>) => void;
}) {
  const titleId = `${idPrefix}-title`;
  const durationId = `${idPrefix}-duration`;
  const { t } = useTranslation();
  const title = (
    <InputField
      id={titleId}
      label={titleLabel}
      required
      maxLength={255}
      value={values.title}
      onValue={(value) => onChange({ title: value })}
      {...errorProps(titleId, errors, 'title')}
    >
      <LessonFieldError id={titleId} errors={errors} field="title" />
    </InputField>
  );
  const kindAndDuration = (
    <>
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('authoring.lessonKind')}
        short={inline}
        value={values.kind}
        onValue={(value) => onChange({ kind: value as LessonKind })}
        options={KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`lessonKind.${k}`)}
          </option>
        ))}
      />
      <InputField
        id={durationId}
        label={t('authoring.duration')}
        short
        type="number"
        min={0}
        max={1440}
        value={values.duration}
        onValue={(value) => onChange({ duration: value })}
        {...errorProps(durationId, errors, 'durationMinutes')}
      >
        <LessonFieldError id={durationId} errors={errors} field="durationMinutes" />
      </InputField>
      {values.minMinutes !== undefined && (
        <InputField
          id={`${idPrefix}-min-minutes`}
          label={t('authoring.minMinutes')}
          hint={t('authoring.minMinutesHint')}
          short
          type="number"
          min={0}
          max={1440}
          value={values.minMinutes}
          onValue={(value) => onChange({ minMinutes: value })}
        />
      )}
    </>
  );
  return inline ? (
    <div className="form-row">
      {title}
      {kindAndDuration}
    </div>
  ) : (
    <>
      {title}
      <div className="form-row">{kindAndDuration}</div>
    </>
  );
}
