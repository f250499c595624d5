import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import {
  AUTHOR_ROLES,
  CERTIFICATE_MANAGER_ROLES,
  hasAnyRole,
  REPORT_ROLES,
} from '../auth/RequireRole';
import { ADMIN_ROLES } from '../admin/admin-screens';
import { useAccessToken } from '../auth/useAuth';
import { useMe } from '../auth/useMe';
import { NotificationBell } from '../notifications/components/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './PageStatus';
import { UserMenu } from './UserMenu';

export function Layout() {
  const { t } = useTranslation();
  const loggedIn = useAccessToken() !== null;
  const me = useMe();
  const roles = loggedIn ? me.data?.roles : undefined;
  const isAuthor = hasAnyRole(roles, AUTHOR_ROLES);
  const managesCertificates = hasAnyRole(roles, CERTIFICATE_MANAGER_ROLES);
  const reports = hasAnyRole(roles, REPORT_ROLES);
  // Phones fold the menu behind one button (the header would take a third of the screen);
  // following a link folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="brand" to="/">
            <span className="brand__mark" aria-hidden="true">
              CĐS
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </div>
          <nav className="site-nav" aria-label={t('nav.label')}>
            {loggedIn && (
              <button
                type="button"
                className="button button--small site-nav__toggle"
                aria-expanded={menuOpen}
                aria-controls="site-nav-list"
                onClick={() => setMenuOpen((open) => !open)}
              >
                {menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
              </button>
            )}
            <ul
              id="site-nav-list"
              className={
                loggedIn && !menuOpen ? 'site-nav__list site-nav__list--folded' : 'site-nav__list'
              }
            >
              {loggedIn && (
                <>
                  <li>
                    <NavLink to="/" end>
                      {t('nav.home')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/courses">{t('nav.courses')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/my-learning">{t('nav.myLearning')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/my-certificates">{t('nav.certificates')}</NavLink>
                  </li>
                  {isAuthor && (
                    <li>
                      <NavLink to="/authoring">{t('nav.authoring')}</NavLink>
                    </li>
                  )}
                  {isAuthor && (
                    <li>
                      <NavLink to="/authoring/banks">{t('nav.questionBanks')}</NavLink>
                    </li>
                  )}
                  {managesCertificates && (
                    <li>
                      <NavLink to="/certificates/manage">{t('nav.manageCertificates')}</NavLink>
                    </li>
                  )}
                  {reports && (
                    <li>
                      <NavLink to="/reports">{t('nav.reports')}</NavLink>
                    </li>
                  )}
                  {hasAnyRole(roles, ADMIN_ROLES) && (
                    <li>
                      <NavLink to="/admin">{t('nav.admin')}</NavLink>
                    </li>
                  )}
                  {hasAnyRole(roles, ['sysadmin']) && (
                    <li>
                      <NavLink to="/certificates/issuers">{t('nav.issuers')}</NavLink>
                    </li>
                  )}
                  {hasAnyRole(roles, ['sysadmin']) && (
                    <li>
                      <NavLink to="/certificates/keys">{t('nav.signingKeys')}</NavLink>
                    </li>
                  )}
                  {hasAnyRole(roles, ['sysadmin']) && (
                    <li>
                      <NavLink to="/system/queues">{t('nav.queues')}</NavLink>
                    </li>
                  )}
                </>
              )}
              {!loggedIn && (
                <li>
                  <NavLink to="/verify">{t('nav.verify')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container site-main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            <strong>{t('app.fullName')}</strong> — {t('app.footer')}
          </p>
        </div>
      </footer>
    </div>
  );
}
