import type { NotificationView } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../i18n/format';
import { useMarkRead } from '../../notifications/useNotifications';

/** The latest unread notifications, each a way into the app; the home shows none when empty. */
export function UnreadNotifications({ items }: { items: NotificationView[] }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="home-notifications-title">
      <h2 id="home-notifications-title">{t('home.notificationsTitle')}</h2>
      <ul className="link-list">
        {items.map((n) => (
          <li key={n.id}>
            {n.link ? (
              <Link to={n.link} onClick={() => markRead.mutate(n.id)}>
                {n.title}
              </Link>
            ) : (
              n.title
            )}{' '}
            <span className="muted">
              · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
            </span>
          </li>
        ))}
      </ul>
      <Link to="/notifications">{t('home.allNotifications')}</Link>
    </section>
  );
}
