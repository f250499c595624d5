import type { TrainingRecord } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../api/error-text';
import { FormError } from '../app/FormError';
import { InputField } from '../app/FormField';
import { parseHoursText, type TrainingRecordInput } from '../requirements/admin-api';

/** Today in Vietnam, YYYY-MM-DD: a training cannot be recorded in the future. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** Title, provider, hours and date of a training done outside the platform. */
export function TrainingRecordForm({
  idPrefix,
  record,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  record?: TrainingRecord;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: TrainingRecordInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(record?.title ?? '');
  const [provider, setProvider] = useState(record?.provider ?? '');
  const [hours, setHours] = useState(record ? String(record.hours) : '');
  const [completedOn, setCompletedOn] = useState(record?.completedOn ?? '');
  const errors = fieldErrorTexts(t, error);
  const id = (name: string) => `${idPrefix}-${name}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      title: title.trim(),
      provider: provider.trim(),
      hours: parseHoursText(hours),
      completedOn,
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <InputField
        id={id('title')}
        label={t('trainingRecords.titleField')}
        required
        maxLength={255}
        value={title}
        onValue={setTitle}
        error={errors.title}
      />
      <InputField
        id={id('provider')}
        label={t('trainingRecords.provider')}
        required
        maxLength={255}
        value={provider}
        onValue={setProvider}
        error={errors.provider}
      />
      <div className="form-row">
        <InputField
          id={id('hours')}
          label={t('trainingRecords.hours')}
          short
          inputMode="decimal"
          required
          value={hours}
          onValue={setHours}
          error={errors.hours}
        />
        <InputField
          id={id('date')}
          label={t('trainingRecords.completedOn')}
          short
          type="date"
          max={todayInVietnam()}
          required
          value={completedOn}
          onValue={setCompletedOn}
          error={errors.completedOn}
        />
      </div>
      {error != null && Object.keys(errors).length === 0 && <FormError error={error} />}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={pending}
          aria-busy={pending}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
