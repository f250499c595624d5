import {
  REISSUE_REASONS,
  REVOCATION_NOTE_MAX_LENGTH,
  type CertificateDetails,
  type ReissueReason,
} from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
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
  const ref = useRef<HTMLDialogElement>(null);
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

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason === 'name_correction' && (!name || name === certificate.holderName)) {
      setNameError(true);
      return;
    }
    reissue.mutate();
  }

  const showNameError =
    nameError && reason === 'name_correction' && (!name || name === certificate.holderName);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!reissue.isPending) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('manage.reissue.title')}</h2>
      <p>{t('manage.reissue.intro', { serial: certificate.serial ?? '—' })}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
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
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('manage.reissue.newName')}</label>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="off"
              maxLength={HOLDER_NAME_MAX_LENGTH}
              value={holderName}
              aria-invalid={showNameError}
              aria-describedby={showNameError ? `${id}-name-error` : undefined}
              onChange={(e) => setHolderName(e.target.value)}
            />
            {showNameError && (
              <p id={`${id}-name-error`} className="field__hint field__hint--error">
                {t('manage.reissue.nameRequired')}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('manage.reissue.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={REVOCATION_NOTE_MAX_LENGTH}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <FormError error={reissue.error} />
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={reissue.isPending}
            aria-busy={reissue.isPending}
          >
            {t('manage.reissue.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={reissue.isPending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
