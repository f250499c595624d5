import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import {
  AUTHOR_ROLES,
  CERTIFICATE_MANAGER_ROLES,
  hasAnyRole,
  REPORT_ROLES,
} from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { useMyEnrollments } from '../learning/hooks/useMyEnrollments';
import { useLatestUnread } from '../notifications/useNotifications';
import { MyRequirementsCard } from '../requirements/MyRequirementsCard';
import { useMyRequirements } from '../requirements/useMyRequirements';
import { ContinueCard } from './components/ContinueCard';
import { HomeEnrollments } from './components/HomeEnrollments';
import { RecentCertificates } from './components/RecentCertificates';
import { UnreadNotifications } from './components/UnreadNotifications';

const UNREAD_SHOWN = 3;

/**
 * The learner's home: what to continue, unread notifications, the courses under way, the
 * certificates earned, then the way to each tool the caller's roles open.
 */
export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useMe();
  const enrollments = useMyEnrollments();
  const name = me.data?.fullName || me.data?.username;
  const current = enrollments.data?.find((e) => e.status === 'in_progress');
  // The cards below the welcome appear together once the requirements (a card that may be
  // absent) and the enrolments are known: one step instead of cards pushing each other
  // down as they arrive (Lighthouse measured CLS 0.12 here).
  const requirements = useMyRequirements();
  // The unread card shows only when there is something: wait for it too, for the same reason.
  const unread = useLatestUnread(UNREAD_SHOWN);
  const settled = !enrollments.isPending && !requirements.isPending && !unread.isPending;

  return (
    <>
      <section className="card">
        <h1>{name ? t('home.welcome', { name }) : t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <Link className="button" to="/courses">
          {t('home.catalogLink')}
        </Link>
      </section>
      {!settled && <PageLoading />}
      {settled && <MyRequirementsCard />}
      {settled && (
        <div className="home-grid">
          {current && <ContinueCard enrollment={current} />}
          <UnreadNotifications items={unread.data?.items ?? []} />
          {enrollments.data && <HomeEnrollments enrollments={enrollments.data} />}
          <RecentCertificates />
        </div>
      )}
      <section className="card" aria-labelledby="home-links" hidden={!settled}>
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
