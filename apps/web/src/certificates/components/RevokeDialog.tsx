import {
  REVOCATION_NOTE_MAX_LENGTH,
  REVOCATION_REASONS,
  type CertificateDetails,
  type RevocationReason,
} from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { SelectField, TextareaField } from '../../app/FormField';
import { revokeCertificate } from '../api';

/** Revocation (Circular 03/2023/TT-BNV grounds) in a modal <dialog>. */
export function RevokeDialog({
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
  const [reason, setReason] = useState<RevocationReason | ''>('');
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const revoke = useMutation({
    mutationFn: () =>
      revokeCertificate(certificate.id, {
        reason: reason as RevocationReason,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: onDone,
  });

  function onSubmit() {
    if (!reason) {
      setMissingReason(true);
      return;
    }
    revoke.mutate();
  }

  return (
    <DialogForm
      open={open}
      title={t('manage.revoke.title')}
      intro={t('manage.revoke.intro', {
        serial: certificate.serial ?? '—',
        holder: certificate.holderName,
      })}
      confirmLabel={t('manage.revoke.confirm')}
      confirmClassName="button--danger-solid"
      pending={revoke.isPending}
      error={revoke.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <SelectField
        id={`${id}-reason`}
        label={t('manage.revoke.reason')}
        value={reason}
        required
        aria-invalid={missingReason && !reason}
        aria-describedby={missingReason && !reason ? `${id}-reason-error` : undefined}
        onValue={(value) => setReason(value as RevocationReason | '')}
        options={
          <>
            <option value="">{t('manage.revoke.chooseReason')}</option>
            {REVOCATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`revocationReason.${r}`)}
              </option>
            ))}
          </>
        }
      >
        {missingReason && !reason && (
          <p id={`${id}-reason-error`} className="field__hint field__hint--error">
            {t('manage.revoke.reasonRequired')}
          </p>
        )}
      </SelectField>
      <TextareaField
        id={`${id}-note`}
        label={t('manage.revoke.note')}
        rows={3}
        maxLength={REVOCATION_NOTE_MAX_LENGTH}
        value={note}
        onValue={setNote}
      >
        <p className="field__hint muted">{t('manage.revoke.noteHint')}</p>
      </TextareaField>
      <p className="alert alert--error">{t('manage.revoke.warning')}</p>
    </DialogForm>
  );
}
