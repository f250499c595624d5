import type { SentNotificationList } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import { fetchSentNotifications, peopleKeys } from '../api';

/**
 * The sent-log of a person, as HR reads it beside the row ("đã nhắc 3 lần"): how many
 * requirement reminders went out this year and when the last did, then the latest notices
 * with what became of their mail. Read only when opened.
 */
export function PersonNotices({ person }: { person: { id: string; fullName: string } }) {
  const { t } = useTranslation();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const log = useQuery({
    queryKey: peopleKeys.notices(person.id),
    queryFn: ({ signal }) => fetchSentNotifications(person.id, signal),
    enabled: open,
  });
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={regionId}
        aria-label={t('peopleAdmin.notices.openFor', { name: person.fullName })}
        onClick={() => setOpen(!open)}
      >
        {t('peopleAdmin.notices.open')}
      </button>
      {open && (
        <div id={regionId} className="people-notices" aria-live="polite">
          {log.isPending ? (
            <p className="muted">{t('peopleAdmin.notices.loading')}</p>
          ) : log.isError ? (
            <p className="field__hint field__hint--error" role="alert">
              {apiErrorText(t, log.error)}
            </p>
          ) : (
            <PersonNoticesView log={log.data} />
          )}
        </div>
      )}
    </>
  );
}

/** The sent-log itself, from the API's answer (rendered alone by its spec). */
export function PersonNoticesView({ log }: { log: SentNotificationList }) {
  const { t, i18n } = useTranslation();
  const last = log.lastReminderAt ? formatDate(log.lastReminderAt, i18n.language) : null;
  return (
    <>
      <p role="status">
        {log.remindersThisYear > 0
          ? t('peopleAdmin.notices.reminded', { n: log.remindersThisYear, date: last })
          : last
            ? t('peopleAdmin.notices.notRemindedSince', { date: last })
            : t('peopleAdmin.notices.neverReminded')}
      </p>
      {log.items.length === 0 ? (
        <p className="muted">{t('peopleAdmin.notices.none')}</p>
      ) : (
        <ul className="people-notices__list">
          {log.items.map((n) => (
            <li key={n.id}>
              {formatDate(n.createdAt, i18n.language)}: {n.title}
              {' ('}
              {t(`peopleAdmin.notices.mail.${n.mail?.status ?? 'none'}`)}
              {')'}
            </li>
          ))}
        </ul>
      )}
      {log.total > log.items.length && (
        <p className="muted">
          {t('peopleAdmin.notices.more', { n: log.total - log.items.length })}
        </p>
      )}
    </>
  );
}
