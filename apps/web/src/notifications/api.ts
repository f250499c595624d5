import type {
  NotificationList,
  NotificationPreference,
  NotificationPreferences,
} from '@dx/contracts';
import { api } from '../api/client';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  unread: ['me', 'notifications', 'unread'] as const,
  page: (page: number) => ['me', 'notifications', 'page', page] as const,
  latestUnread: ['me', 'notifications', 'latest-unread'] as const,
  preferences: ['me', 'notification-preferences'] as const,
};

export function fetchNotifications(page: number, signal?: AbortSignal): Promise<NotificationList> {
  const params = new URLSearchParams({
    page: String(page),
    pageSize: String(NOTIFICATIONS_PAGE_SIZE),
  });
  return api.get<NotificationList>('/me/notifications', { query: params, signal });
}

/** The newest unread notifications only (the home page's card). */
export function fetchLatestUnread(limit: number, signal?: AbortSignal): Promise<NotificationList> {
  const params = new URLSearchParams({ page: '1', pageSize: String(limit), unread: 'true' });
  return api.get<NotificationList>('/me/notifications', { query: params, signal });
}

export function fetchUnreadCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return api.get<{ unread: number }>('/me/notifications/unread-count', { signal });
}

export function markNotificationRead(id: string): Promise<void> {
  return api.post<void>('/me/notifications/{id}/read', undefined, { path: { id } });
}

export function markAllNotificationsRead(): Promise<void> {
  return api.post<void>('/me/notifications/read-all');
}

export function fetchNotificationPreferences(
  signal?: AbortSignal,
): Promise<NotificationPreferences> {
  return api.get<NotificationPreferences>('/me/notification-preferences', { signal });
}

export function saveNotificationPreferences(
  items: NotificationPreference[],
): Promise<NotificationPreferences> {
  return api.put<NotificationPreferences>('/me/notification-preferences', {
    items,
  } satisfies NotificationPreferences);
}
