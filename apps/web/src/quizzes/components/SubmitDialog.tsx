import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Nộp bài?" in a modal <dialog>: focus stays inside, Esc goes back to the quiz. */
export function SubmitDialog({
  open,
  unanswered,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  unanswered: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="submit-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="submit-title">{t('quiz.confirmTitle')}</h2>
      <p>{unanswered > 0 ? t('quiz.confirmUnanswered', { unanswered }) : t('quiz.confirmAll')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy}
        >
          {t('quiz.confirmSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('quiz.keepWorking')}
        </button>
      </div>
    </dialog>
  );
}
