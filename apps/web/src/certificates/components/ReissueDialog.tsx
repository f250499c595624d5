import {
  REISSUE_REASONS,
  REVOCATION_NOTE_MAX_LENGTH,
  type CertificateDetails,
  type ReissueReason,
} from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { InputField, TextareaField } from '../../app/FormField';
import { reissueCertificate } from '../api';

const HOLDER_NAME_MAX_LENGTH = 255;

/** Re-issue under the same serial: a lost copy, or a corrected holder name. */
export function ReissueDialog({
  certificate,
  open,
  onClose,
  onDone,
}: {
  certificate: CertificateDetails;
  open: boolean;
  onClose: () => void;
  onDone: (updated: CertificateDetails) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<ReissueReason>('lost');
  const [holderName, setHolderName] = useState(certificate.holderName);
  const [note, setNote] = useState('');
  const [nameError, setNameError] = useState(false);
  const name = holderName.normalize('NFC').replace(/\s+/g, ' ').trim();
  const reissue = useMutation({
    mutationFn: () =>
      reissueCertificate(certificate.id, {
        reason,
        ...(reason === 'name_correction' ? { holderName: name } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: onDone,
  });

  function onSubmit() {
    if (reason === 'name_correction' && (!name || name === certificate.holderName)) {
      setNameError(true);
      return;
    }
    reissue.mutate();
  }

  const showNameError =
    nameError && reason === 'name_correction' && (!name || name === certificate.holderName);

  return (
    <DialogForm
      open={open}
      title={t('manage.reissue.title')}
      intro={t('manage.reissue.intro', { serial: certificate.serial ?? '—' })}
      confirmLabel={t('manage.reissue.confirm')}
      confirmClassName="button--primary"
      pending={reissue.isPending}
      error={reissue.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <fieldset className="fieldset">
        <legend>{t('manage.reissue.reason')}</legend>
        {REISSUE_REASONS.map((r) => (
          <label key={r} className="option">
            <input
              type="radio"
              name={`${id}-reason`}
              value={r}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            <span>{t(`reissueReason.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {reason === 'name_correction' && (
        <InputField
          id={`${id}-name`}
          label={t('manage.reissue.newName')}
          autoComplete="off"
          maxLength={HOLDER_NAME_MAX_LENGTH}
          value={holderName}
          aria-invalid={showNameError}
          aria-describedby={showNameError ? `${id}-name-error` : undefined}
          onValue={setHolderName}
        >
          {showNameError && (
            <p id={`${id}-name-error`} className="field__hint field__hint--error">
              {t('manage.reissue.nameRequired')}
            </p>
          )}
        </InputField>
      )}
      <TextareaField
        id={`${id}-note`}
        label={t('manage.reissue.note')}
        rows={3}
        maxLength={REVOCATION_NOTE_MAX_LENGTH}
        value={note}
        onValue={setNote}
      />
    </DialogForm>
  );
}
