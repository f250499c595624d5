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
      <BellGlyph />
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

/**
 * The bell, drawn inline: an emoji renders differently (or not at all) across systems and
 * fonts, and takes the text colour badly. Decorative: the link's label names it.
 */
function BellGlyph() {
  return (
    <svg
      className="notification-bell__glyph"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        d="M6 17V11a6 6 0 0 1 12 0v6l2 2H4l2-2Z"
      />
      <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M10 21h4" />
    </svg>
  );
}
