import type { MyEnrollment } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../../app/ProgressBar';

const SHOWN = 5;

/** Courses under way, latest activity first. */
export function HomeEnrollments({ enrollments }: { enrollments: MyEnrollment[] }) {
  const { t } = useTranslation();
  const open = enrollments.filter((e) => e.status === 'in_progress').slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="home-enrollments-title">
      <h2 id="home-enrollments-title">{t('home.enrollmentsTitle')}</h2>
      {open.length === 0 ? (
        <p className="muted">{t('home.noEnrollments')}</p>
      ) : (
        <ul className="home-enrollments">
          {open.map((e) => (
            <li key={e.enrollmentId}>
              <Link to={`/courses/${encodeURIComponent(e.courseId)}`}>{e.title}</Link>
              <ProgressBar value={e.progress} />
            </li>
          ))}
        </ul>
      )}
      <Link to="/my-learning">{t('home.learningLink')}</Link>
    </section>
  );
}
