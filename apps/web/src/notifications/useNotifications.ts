import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotificationPreferences,
  fetchLatestUnread,
  fetchNotifications,
  fetchUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  saveNotificationPreferences,
} from './api';

/** The bell's count: refreshed every minute, and whenever the inbox changes. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useNotificationsPage(page: number) {
  return useQuery({
    queryKey: notificationKeys.page(page),
    queryFn: ({ signal }) => fetchNotifications(page, signal),
  });
}

export function useLatestUnread(limit: number) {
  return useQuery({
    queryKey: notificationKeys.latestUnread,
    queryFn: ({ signal }) => fetchLatestUnread(limit, signal),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? markAllNotificationsRead() : markNotificationRead(id),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => fetchNotificationPreferences(signal),
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences, saved),
  });
}
