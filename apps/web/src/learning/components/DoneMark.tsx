import { useTranslation } from 'react-i18next';

/** ✓ beside a finished lesson or passed quiz; screen readers hear "đã hoàn thành". */
export function DoneMark({ done }: { done: boolean }) {
  const { t } = useTranslation();
  if (!done) return null;
  return (
    <span className="done-mark">
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden"> {t('lesson.doneMark')}</span>
    </span>
  );
}
