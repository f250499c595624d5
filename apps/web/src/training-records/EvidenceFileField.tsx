import { useTranslation } from 'react-i18next';
import { FieldErrorLine } from '../app/FieldErrorLine';
import {
  TRAINING_EVIDENCE_ACCEPT,
  TRAINING_EVIDENCE_MAX_MEGABYTES,
} from '../requirements/admin-api';

/**
 * The optional scanned evidence of a recorded training: one PDF, JPEG or PNG. `error` is the
 * API's refusal of the file (or the size check done before sending), already translated.
 */
export function EvidenceFileField({
  id,
  replacing,
  error,
  onFile,
}: {
  id: string;
  /** The record already has a file: choosing one replaces it. */
  replacing: boolean;
  error: string | undefined;
  onFile: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {replacing ? t('trainingRecords.evidenceReplace') : t('trainingRecords.evidenceFile')}
      </label>
      <input
        id={id}
        type="file"
        accept={TRAINING_EVIDENCE_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p className="muted field__hint" id={`${id}-hint`}>
        {t('trainingRecords.evidenceHint', { maxMegabytes: TRAINING_EVIDENCE_MAX_MEGABYTES })}
      </p>
      <FieldErrorLine id={id} text={error} />
    </div>
  );
}
