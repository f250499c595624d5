import type { CertificateDetails } from '@dx/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate, formatDateTime } from '../i18n/format';
import { certificateKeys, fetchCertificate } from './api';
import { CertificateActions } from './components/CertificateActions';
import { CertificateHistory } from './components/CertificateHistory';
import { ReissueDialog } from './components/ReissueDialog';
import { RevokeDialog } from './components/RevokeDialog';
import './manage.css';

/** Pending, or re-issued and its PDF not rendered again yet: the worker is on it. */
function isBeingRendered(c: CertificateDetails | undefined): boolean {
  return !!c && (c.status === 'pending' || (c.status === 'issued' && !c.pdfUrl));
}

function Details({ certificate }: { certificate: CertificateDetails }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'revoke' | 'reissue' | null>(null);
  const [notice, setNotice] = useState<'revoked' | 'reissued' | null>(null);
  const c = certificate;

  function onUpdated(updated: CertificateDetails, what: 'revoked' | 'reissued') {
    queryClient.setQueryData(certificateKeys.detail(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: [...certificateKeys.scope, 'list'] });
    setDialog(null);
    setNotice(what);
  }

  return (
    <>
      <p>
        <Link to="/certificates/manage">{t('manage.back')}</Link>
      </p>
      <section className="card" aria-labelledby="certificate-title">
        <div className="certificate__head">
          <h1 id="certificate-title" className="certificate__title">
            {c.courseTitle}
          </h1>
          <span className={`chip chip--${c.status}`} data-testid="certificate-status">
            {t(`certificates.status.${c.status}`)}
          </span>
        </div>
        {notice && (
          <p className="alert alert--success notice" role="status">
            {t(`manage.notice.${notice}`)}
          </p>
        )}
        <dl className="details">
          <div>
            <dt>{t('verify.holder')}</dt>
            <dd>{c.holderName}</dd>
          </div>
          {c.dateOfBirth && (
            <div>
              <dt>{t('manage.fields.dateOfBirth')}</dt>
              <dd>{formatDate(`${c.dateOfBirth}T12:00:00+07:00`, lng)}</dd>
            </div>
          )}
          <div>
            <dt>{t('verify.serial')}</dt>
            <dd className="mono">{c.serial ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('manage.fields.registerNumber')}</dt>
            <dd>{c.registerNumber ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('verify.hours')}</dt>
            <dd>{t('verify.hoursValue', { hours: c.hours })}</dd>
          </div>
          <div>
            <dt>{t('manage.fields.completedOn')}</dt>
            <dd>{formatDate(`${c.completedOn}T12:00:00+07:00`, lng)}</dd>
          </div>
          <div>
            <dt>{t('verify.issuedAt')}</dt>
            <dd>{c.issuedOn ? formatDate(`${c.issuedOn}T12:00:00+07:00`, lng) : '—'}</dd>
          </div>
          <div>
            <dt>{t('verify.issuer')}</dt>
            <dd>
              {c.issuerName} <span className="mono muted">{c.issuerCode}</span>
            </dd>
          </div>
          {c.status === 'revoked' && (
            <>
              <div>
                <dt>{t('manage.fields.revokedAt')}</dt>
                <dd>{c.revokedAt ? formatDateTime(c.revokedAt, lng) : '—'}</dd>
              </div>
              <div>
                <dt>{t('manage.fields.revokedReason')}</dt>
                <dd>{c.revokedReason ? t(`revocationReason.${c.revokedReason}`) : '—'}</dd>
              </div>
              {c.revokedNote && (
                <div>
                  <dt>{t('manage.fields.revokedNote')}</dt>
                  <dd>{c.revokedNote}</dd>
                </div>
              )}
            </>
          )}
        </dl>
        {isBeingRendered(c) && <p className="muted">{t('manage.rendering')}</p>}
        {/* Re-issued certificates are "issued" before their new PDF exists. */}
        <CertificateActions certificate={c} canDownload={c.status === 'issued' && !!c.pdfUrl}>
          {c.canReissue && (
            <button type="button" className="button" onClick={() => setDialog('reissue')}>
              {t('manage.reissue.open')}
            </button>
          )}
          {c.canRevoke && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => setDialog('revoke')}
            >
              {t('manage.revoke.open')}
            </button>
          )}
        </CertificateActions>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('manage.history.title')}</h2>
        <CertificateHistory events={c.events} />
      </section>
      {dialog === 'revoke' && (
        <RevokeDialog
          certificate={c}
          open
          onClose={() => setDialog(null)}
          onDone={(updated) => onUpdated(updated, 'revoked')}
        />
      )}
      {dialog === 'reissue' && (
        <ReissueDialog
          certificate={c}
          open
          onClose={() => setDialog(null)}
          onDone={(updated) => onUpdated(updated, 'reissued')}
        />
      )}
    </>
  );
}

export default function CertificateDetailPage() {
  const { t } = useTranslation();
  const id = useParams().certificateId ?? '';
  const certificate = useQuery({
    queryKey: certificateKeys.detail(id),
    queryFn: ({ signal }) => fetchCertificate(id, signal),
    refetchInterval: (query) => (isBeingRendered(query.state.data) ? 3_000 : false),
  });
  useDocumentTitle(
    certificate.data
      ? t('manage.detailTitle', { serial: certificate.data.serial ?? certificate.data.holderName })
      : t('manage.title'),
  );

  if (certificate.isPending) return <PageLoading />;
  if (certificate.isError) {
    if (isApiError(certificate.error) && [400, 404].includes(certificate.error.statusCode)) {
      return (
        <section className="card">
          <h1>{t('manage.notFound')}</h1>
          <p>
            <Link to="/certificates/manage">{t('manage.back')}</Link>
          </p>
        </section>
      );
    }
    return <PageError error={certificate.error} onRetry={() => void certificate.refetch()} />;
  }
  return <Details certificate={certificate.data} />;
}
