import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

/**
 * A modal <dialog> holding one form: title, intro, the fields, the API's error, then
 * "confirm" and "cancel". Modal, so keyboard focus stays inside; Escape and cancel do nothing
 * while the request is in flight, so a closed dialog never hides a change still being made.
 */
export function DialogForm({
  open,
  title,
  intro,
  confirmLabel,
  confirmClassName,
  pending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  intro: string;
  confirmLabel: string;
  /** The confirm button's look, e.g. `button--danger-solid` for what cannot be undone. */
  confirmClassName: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `${useId()}-title`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    // Focus goes back to what opened the dialog, also when the dialog is unmounted rather
    // than closed (the browser only restores it on close()).
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p>{intro}</p>
      {/* noValidate: the dialogs check their fields themselves and say what is missing. */}
      <form className="form" onSubmit={submit} noValidate>
        {children}
        <FormError error={error} />
        <div className="button-row">
          <button
            type="submit"
            className={`button ${confirmClassName}`}
            disabled={pending}
            aria-busy={pending}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
