import {
  REVOCATION_NOTE_MAX_LENGTH,
  REVOCATION_REASONS,
  type CertificateDetails,
  type RevocationReason,
} from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
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
  const ref = useRef<HTMLDialogElement>(null);
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

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason) {
      setMissingReason(true);
      return;
    }
    revoke.mutate();
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!revoke.isPending) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('manage.revoke.title')}</h2>
      <p>
        {t('manage.revoke.intro', {
          serial: certificate.serial ?? '—',
          holder: certificate.holderName,
        })}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('manage.revoke.reason')}</label>
          <select
            id={`${id}-reason`}
            value={reason}
            required
            aria-invalid={missingReason && !reason}
            aria-describedby={missingReason && !reason ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value as RevocationReason | '')}
          >
            <option value="">{t('manage.revoke.chooseReason')}</option>
            {REVOCATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`revocationReason.${r}`)}
              </option>
            ))}
          </select>
          {missingReason && !reason && (
            <p id={`${id}-reason-error`} className="field__hint field__hint--error">
              {t('manage.revoke.reasonRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('manage.revoke.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={REVOCATION_NOTE_MAX_LENGTH}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p className="field__hint muted">{t('manage.revoke.noteHint')}</p>
        </div>
        <p className="alert alert--error">{t('manage.revoke.warning')}</p>
        <FormError error={revoke.error} />
        <div className="button-row">
          <button
            type="submit"
            className="button button--danger-solid"
            disabled={revoke.isPending}
            aria-busy={revoke.isPending}
          >
            {t('manage.revoke.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={revoke.isPending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
