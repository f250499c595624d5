import { useTranslation } from 'react-i18next';

/** 🔒 beside a lesson not open yet in a course taken in order; screen readers hear why. */
export function LockMark({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  if (!locked) return null;
  return (
    <span className="lock-mark">
      <span aria-hidden="true">🔒</span>
      <span className="visually-hidden"> {t('lesson.lockedMark')}</span>
    </span>
  );
}
