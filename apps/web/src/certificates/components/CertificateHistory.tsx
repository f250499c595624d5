import type { CertificateEventView } from '@dx/contracts';
import { REISSUE_REASONS, REVOCATION_REASONS } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

const KNOWN_EVENTS = ['requested', 'issued', 'reissued', 'revoked'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** What happened to a certificate, oldest first, with who did it and why. */
export function CertificateHistory({ events }: { events: CertificateEventView[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  if (events.length === 0) return <p className="muted">{t('manage.history.none')}</p>;
  const sorted = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <ol className="history">
      {sorted.map((event) => {
        const data = event.data ?? {};
        const reason = data.reason;
        return (
          <li key={event.id} className={`history__item history__item--${event.type}`}>
            <p className="history__head">
              <strong>
                {isOneOf(KNOWN_EVENTS, event.type)
                  ? t(`manage.history.type.${event.type}`)
                  : event.type}
              </strong>{' '}
              <time dateTime={event.createdAt} className="muted">
                {formatDateTime(event.createdAt, lng)}
              </time>
            </p>
            <p className="history__actor muted">
              {t('manage.history.by', { name: event.actorName ?? t('manage.history.system') })}
            </p>
            {event.type === 'revoked' && isOneOf(REVOCATION_REASONS, reason) && (
              <p>{t('manage.history.reason', { reason: t(`revocationReason.${reason}`) })}</p>
            )}
            {event.type === 'reissued' && isOneOf(REISSUE_REASONS, reason) && (
              <p>{t('manage.history.reason', { reason: t(`reissueReason.${reason}`) })}</p>
            )}
            {typeof data.oldHolderName === 'string' &&
              typeof data.newHolderName === 'string' &&
              data.oldHolderName !== data.newHolderName && (
                <p>
                  {t('manage.history.nameChange', {
                    from: data.oldHolderName,
                    to: data.newHolderName,
                  })}
                </p>
              )}
            {event.note && <p className="history__note">{event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
