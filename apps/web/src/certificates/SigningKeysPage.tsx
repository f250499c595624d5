import type { PublicSigningKey } from '@dx/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatDateTime } from '../i18n/format';
import { CompromiseKeyDialog } from './keys/CompromiseKeyDialog';
import { RotateKeyDialog } from './keys/RotateKeyDialog';
import { fetchSigningKeys, signingKeyKeys, signingKeyStatus } from './keys/signing-keys-api';

/** The chip of each status: the certificate chips' colours (issued, pending, revoked). */
const CHIP = { active: 'issued', retired: 'pending', compromised: 'revoked' } as const;

/**
 * The keys that sign certificates (sysadmin): which one signs new certificates, rotation
 * to a new key (earlier certificates stay valid), and marking a key compromised from a day
 * (what it signed from then on fails verification).
 */
export default function SigningKeysPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  useDocumentTitle(t('signingKeys.title'));
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: signingKeyKeys.all,
    queryFn: ({ signal }) => fetchSigningKeys(signal),
  });
  const [rotating, setRotating] = useState(false);
  const [compromising, setCompromising] = useState<PublicSigningKey | null>(null);
  const [notice, setNotice] = useState('');

  async function done(message: string) {
    setRotating(false);
    setCompromising(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: signingKeyKeys.all });
  }

  return (
    <section className="card" aria-labelledby="signing-keys-title">
      <h1 id="signing-keys-title">{t('signingKeys.title')}</h1>
      <p className="muted">{t('signingKeys.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice('');
            setRotating(true);
          }}
        >
          {t('signingKeys.rotate.open')}
        </button>
      </div>
      <p role="status" className={notice ? 'alert alert--success' : undefined}>
        {notice}
      </p>
      {keys.isPending ? (
        <PageLoading />
      ) : keys.isError ? (
        <PageError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('signingKeys.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signingKeys.kid')}</th>
                <th scope="col">{t('signingKeys.validFrom')}</th>
                <th scope="col">{t('signingKeys.validTo')}</th>
                <th scope="col">{t('signingKeys.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('signingKeys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => {
                const status = signingKeyStatus(key);
                return (
                  <tr key={key.kid}>
                    <th scope="row">
                      <code>{key.kid}</code>
                    </th>
                    <td>{formatDateTime(key.validFrom, lng)}</td>
                    <td>{key.validTo ? formatDateTime(key.validTo, lng) : '—'}</td>
                    <td>
                      <span className={`chip chip--${CHIP[status]}`}>
                        {t(`signingKeys.statuses.${status}`, {
                          date: key.revokedAt ? formatDate(key.revokedAt, lng) : '',
                        })}
                      </span>
                    </td>
                    <td>
                      {status !== 'compromised' && (
                        <button
                          type="button"
                          className="button button--small button--danger"
                          aria-label={t('signingKeys.compromise.openFor', { kid: key.kid })}
                          onClick={() => {
                            setNotice('');
                            setCompromising(key);
                          }}
                        >
                          {t('signingKeys.compromise.open')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rotating && (
        <RotateKeyDialog
          onClose={() => setRotating(false)}
          onDone={(key) => void done(t('signingKeys.rotate.done', { kid: key.kid }))}
        />
      )}
      {compromising && (
        <CompromiseKeyDialog
          signingKey={compromising}
          onClose={() => setCompromising(null)}
          onDone={(key) =>
            void done(
              t('signingKeys.compromise.done', {
                kid: key.kid,
                date: key.revokedAt ? formatDate(key.revokedAt, lng) : '',
              }),
            )
          }
        />
      )}
    </section>
  );
}
