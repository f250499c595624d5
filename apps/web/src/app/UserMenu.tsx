import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/useAuth';
import { useMe } from '../auth/useMe';

export function UserMenu() {
  const { t } = useTranslation();
  const { isAuthenticated, logout } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  if (!isAuthenticated) {
    if (pathname === '/login') return null;
    return (
      <Link className="button button--small" to="/login">
        {t('user.login')}
      </Link>
    );
  }

  function onLogout() {
    logout();
    navigate('/login', { replace: true });
  }

  return (
    <div className="user-menu" role="group" aria-label={t('user.menu')}>
      {/* Holds the name's place while it loads, so the header does not grow (no layout shift). */}
      {!me.data && <span className="user-menu__name user-menu__name--loading" aria-hidden="true" />}
      {me.data && (
        <Link
          className="user-menu__name"
          to="/me"
          title={t('user.profile', { username: me.data.username })}
        >
          {me.data.fullName || me.data.username}
        </Link>
      )}
      <button type="button" className="button button--small" onClick={onLogout}>
        {t('user.logout')}
      </button>
    </div>
  );
}
