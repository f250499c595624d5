import { TRAINING_EVIDENCE_MAX_BYTES, type TrainingRecord } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../api/error-text';
import { FormError } from '../app/FormError';
import { InputField } from '../app/FormField';
import {
  parseHoursText,
  TRAINING_EVIDENCE_MAX_MEGABYTES,
  type TrainingRecordInput,
} from '../requirements/admin-api';
import { EvidenceFileField } from './EvidenceFileField';

/** Today in Vietnam, YYYY-MM-DD: a training cannot be recorded in the future. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** Title, provider, hours and date of a training done outside the platform, and its evidence file. */
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
  onSubmit: (input: TrainingRecordInput, evidence: File | null) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(record?.title ?? '');
  const [provider, setProvider] = useState(record?.provider ?? '');
  const [hours, setHours] = useState(record ? String(record.hours) : '');
  const [completedOn, setCompletedOn] = useState(record?.completedOn ?? '');
  const [evidence, setEvidence] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const errors = fieldErrorTexts(t, error);
  if (tooBig) {
    errors.file = t('trainingRecords.evidenceTooBig', {
      maxMegabytes: TRAINING_EVIDENCE_MAX_MEGABYTES,
    });
  }
  const id = (name: string) => `${idPrefix}-${name}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    // Checked here so a big scan is not sent for nothing; the API checks again.
    if (evidence && evidence.size > TRAINING_EVIDENCE_MAX_BYTES) return setTooBig(true);
    onSubmit(
      { title: title.trim(), provider: provider.trim(), hours: parseHoursText(hours), completedOn },
      evidence,
    );
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
      <EvidenceFileField
        id={id('evidence')}
        replacing={record?.hasEvidence ?? false}
        error={errors.file}
        onFile={(file) => {
          setTooBig(false);
          setEvidence(file);
        }}
      />
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
