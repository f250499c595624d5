import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDateTime } from '../i18n/format';
import { NOTIFICATIONS_PAGE_SIZE } from './api';
import { useMarkRead, useNotificationsPage } from './useNotifications';

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const [page, setPage] = useState(1);
  const list = useNotificationsPage(page);
  const markRead = useMarkRead();

  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total, unread } = list.data;

  return (
    <section className="card" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notifications.title')}</h1>
      <p>
        {t('notifications.unreadSummary', { count: unread })}{' '}
        {unread > 0 && (
          <button
            type="button"
            className="button button--small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.markAllRead')}
          </button>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li
              key={n.id}
              className={n.readAt ? 'notification' : 'notification notification--unread'}
            >
              <h2 className="notification__title">
                {n.link ? (
                  <Link to={n.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
              </h2>
              <p>{n.body}</p>
              <p className="notification__meta">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
                {!n.readAt && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    {t('notifications.markRead')}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={total} onPage={setPage} />
    </section>
  );
}
