import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import {
  AUTHOR_ROLES,
  CERTIFICATE_MANAGER_ROLES,
  hasAnyRole,
  REPORT_ROLES,
} from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { useMyEnrollments } from '../learning/hooks/useMyEnrollments';
import { MyRequirementsCard } from '../requirements/MyRequirementsCard';
import { ContinueCard } from './components/ContinueCard';
import { HomeEnrollments } from './components/HomeEnrollments';
import { RecentCertificates } from './components/RecentCertificates';

/**
 * The learner's home: what to continue, the courses under way, the certificates earned,
 * then the way to each tool the caller's roles open.
 */
export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useMe();
  const enrollments = useMyEnrollments();
  const name = me.data?.fullName || me.data?.username;
  const current = enrollments.data?.find((e) => e.status === 'in_progress');

  return (
    <>
      <section className="card">
        <h1>{name ? t('home.welcome', { name }) : t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <Link className="button" to="/courses">
          {t('home.catalogLink')}
        </Link>
      </section>
      <MyRequirementsCard />
      <div className="home-grid">
        {enrollments.isPending ? (
          <section className="card" aria-busy="true">
            <div className="skeleton skeleton--lines" aria-hidden="true" />
          </section>
        ) : (
          current && <ContinueCard enrollment={current} />
        )}
        {enrollments.data && <HomeEnrollments enrollments={enrollments.data} />}
        <RecentCertificates />
      </div>
      <section className="card" aria-labelledby="home-links">
        <h2 id="home-links">{t('home.linksTitle')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/my-learning">{t('home.learningLink')}</Link>
          </li>
          <li>
            <Link to="/my-certificates">{t('home.certificatesLink')}</Link>
          </li>
          {hasAnyRole(me.data?.roles, AUTHOR_ROLES) && (
            <li>
              <Link to="/authoring">{t('home.authoringLink')}</Link>
            </li>
          )}
          {hasAnyRole(me.data?.roles, CERTIFICATE_MANAGER_ROLES) && (
            <li>
              <Link to="/certificates/manage">{t('home.manageCertificatesLink')}</Link>
            </li>
          )}
          {hasAnyRole(me.data?.roles, REPORT_ROLES) && (
            <li>
              <Link to="/reports">{t('home.reportsLink')}</Link>
            </li>
          )}
          <li>
            <Link to="/me">{t('home.meLink')}</Link>
          </li>
          <li>
            <Link to="/verify">{t('home.verifyLink')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
