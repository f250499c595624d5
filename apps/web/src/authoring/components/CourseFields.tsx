import { useTranslation } from 'react-i18next';
import { InputField, TextareaField } from '../../app/FormField';

/** What the author typed: kept as text until submit, so a half-typed "1," is not lost. */
export interface CourseFieldValues {
  title: string;
  description: string;
  hours: string;
}

/** Hours as typed in Vietnamese ("1,5") or English ("1.5"). */
export const parseHours = (hours: string): number => Number(hours.replace(',', '.'));

/** Title, description and hours of a course: the same rules when creating and editing it. */
export function CourseFields({
  idPrefix,
  values,
  onChange,
  descriptionRows,
}: {
  idPrefix: string;
  values: CourseFieldValues;
  onChange: (patch: Partial<CourseFieldValues>) => void;
  descriptionRows: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        id={`${idPrefix}-title`}
        label={t('authoring.courseTitle')}
        required
        maxLength={255}
        value={values.title}
        onValue={(title) => onChange({ title })}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label={t('authoring.description')}
        rows={descriptionRows}
        value={values.description}
        onValue={(description) => onChange({ description })}
      />
      <InputField
        id={`${idPrefix}-hours`}
        label={t('authoring.hours')}
        short
        type="number"
        inputMode="decimal"
        min={0.25}
        max={1000}
        step={0.25}
        required
        value={values.hours}
        onValue={(hours) => onChange({ hours })}
      />
    </>
  );
}
