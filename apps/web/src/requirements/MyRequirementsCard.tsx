import type { MyRequirement } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../app/ProgressBar';
import { formatDate, formatNumber } from '../i18n/format';
import { useMyRequirements } from './useMyRequirements';

/**
 * The learner home's "this year" card: each requirement in one plain sentence ("Năm 2026:
 * cần 24 giờ, đã có 6 giờ, hạn 31/12/2026"), its status, and the courses that count.
 * Self-contained (its own query), so the home page can place it anywhere; renders nothing
 * when no requirement applies.
 */
export function MyRequirementsCard() {
  const { t, i18n } = useTranslation();
  const query = useMyRequirements();
  if (query.isPending || query.isError || !query.data.length) return null;
  return (
    <section className="card" aria-labelledby="my-requirements">
      <h2 id="my-requirements">{t('requirements.title')}</h2>
      <ul className="link-list">
        {query.data.map((r) => (
          <RequirementItem key={r.id} requirement={r} language={i18n.language} />
        ))}
      </ul>
    </section>
  );
}

function RequirementItem({
  requirement: r,
  language,
}: {
  requirement: MyRequirement;
  language: string;
}) {
  const { t } = useTranslation();
  const percent = Math.min(100, Math.round((r.hoursEarned / r.hours) * 100));
  return (
    <li data-testid="requirement">
      <p>
        {t('requirements.summary', {
          year: r.year,
          hours: formatNumber(r.hours, language),
          earned: formatNumber(r.hoursEarned, language),
          due: formatDate(`${r.dueDate}T12:00:00+07:00`, language),
        })}{' '}
        <strong className={`badge badge--${r.status}`}>
          {t(`requirements.status.${r.status}`)}
        </strong>
      </p>
      <ProgressBar value={percent} label={t('requirements.progressLabel')} />
      {r.curriculumTitle && <p>{t('requirements.curriculum', { title: r.curriculumTitle })}</p>}
      {r.courses.length > 0 && (
        <ul>
          {r.courses.map((c) => (
            <li key={c.courseId}>
              <Link to={`/courses/${c.courseId}`}>{c.title}</Link> (
              {t('requirements.courseHours', { hours: formatNumber(c.hours, language) })}
              {c.completed ? `, ${t('requirements.courseDone')}` : ''})
            </li>
          ))}
        </ul>
      )}
      {!r.curriculumId && r.status !== 'met' && (
        <p>
          <Link to="/courses">{t('requirements.anyCourse')}</Link>
        </p>
      )}
    </li>
  );
}
