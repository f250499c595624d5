import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAccessToken } from '../../auth/useAuth';
import { useUnreadCount } from '../useNotifications';

/**
 * The header's bell with the unread count. Its box is always rendered at a fixed size
 * (also while the count loads, and when it is zero), so the header never shifts.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const loggedIn = useAccessToken() !== null;
  const count = useUnreadCount(loggedIn).data?.unread ?? 0;
  if (!loggedIn) return <span className="notification-bell" aria-hidden="true" />;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bellNone');
  return (
    <Link className="notification-bell" to="/notifications" aria-label={label} title={label}>
      <span aria-hidden="true">🔔</span>
      <span
        className="notification-bell__count"
        data-testid="notification-count"
        hidden={count === 0}
      >
        {count > 99 ? '99+' : count}
      </span>
    </Link>
  );
}
