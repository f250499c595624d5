import type { CurriculumProgress } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../app/ProgressBar';
import { formatNumber } from '../../i18n/format';

/** Hours earned this year against the yearly target. */
export function CurriculumHours({ progress }: { progress: CurriculumProgress }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const { hoursPerYear, hoursThisYear, year } = progress;
  const label = t('curricula.hoursLabel', {
    year,
    done: formatNumber(hoursThisYear, lng),
    target: formatNumber(hoursPerYear, lng),
  });
  if (hoursPerYear <= 0) return <p>{label}</p>;
  return <ProgressBar value={(hoursThisYear / hoursPerYear) * 100} label={label} />;
}
