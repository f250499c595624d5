import { useTranslation } from 'react-i18next';

/** Progress of a course, 0–100, with its number spelled out for everyone. */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const { t } = useTranslation();
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  const text = label ?? t('learning.progress');
  return (
    <div className="progress">
      <div className="progress__label">
        <span>{text}</span>
        <strong data-testid="progress-value">{t('learning.percent', { value: percent })}</strong>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
