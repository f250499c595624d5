import type { NotificationPreference } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../useNotifications';

/** On the profile page: which optional kinds are also sent by mail. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  if (!prefs.data) return null;

  const toggle = (item: NotificationPreference) =>
    save.mutate([{ type: item.type, mail: !item.mail }]);

  return (
    <section className="card" aria-labelledby="notification-prefs-title">
      <h2 id="notification-prefs-title">{t('notifications.preferencesTitle')}</h2>
      <p>{t('notifications.preferencesHint')}</p>
      <ul className="plain-list">
        {prefs.data.items.map((item) => (
          <li key={item.type}>
            <label>
              <input
                type="checkbox"
                checked={item.mail}
                disabled={save.isPending}
                onChange={() => toggle(item)}
              />{' '}
              {t(`notifications.types.${item.type}`)}
            </label>
          </li>
        ))}
      </ul>
      {save.isError && <p role="alert">{t('notifications.saveFailed')}</p>}
    </section>
  );
}
