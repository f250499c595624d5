import { normalizeSerial } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import type { PublicCertificate } from '../api/types';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatDate } from '../i18n/format';
import { fetchPublicCertificate } from './api';
import { CertificateLookupForm } from './CertificateLookupForm';

const STATUS_ICON = { valid: '✓', revoked: '✕', invalid: '!' } as const;

function CertificateResult({ certificate }: { certificate: PublicCertificate }) {
  const { t, i18n } = useTranslation();
  const { status } = certificate;
  if (status !== 'valid' && status !== 'revoked') {
    // "invalid": the stored data no longer matches its signature, so none of it can be
    // trusted and only the serial asked about is repeated. An unknown verdict is no better.
    return (
      <section className="card" aria-labelledby="verify-status">
        <div className="cert-status cert-status--invalid" role="alert">
          <span className="cert-status__icon" aria-hidden="true">
            {STATUS_ICON.invalid}
          </span>
          <div>
            <p className="cert-status__label">{t('verify.statusLabel')}</p>
            <h2 id="verify-status" className="cert-status__value">
              {t('verify.status.invalid')}
            </h2>
            <p>{t('verify.invalidNote')}</p>
            {certificate.invalidReason && (
              <p>{t(`verify.invalidReason.${certificate.invalidReason}`)}</p>
            )}
          </div>
        </div>
        <dl className="details">
          <div>
            <dt>{t('verify.serial')}</dt>
            <dd className="mono">{certificate.serial}</dd>
          </div>
        </dl>
      </section>
    );
  }
  const valid = status === 'valid';
  return (
    <section className="card" aria-labelledby="verify-status">
      <div className={`cert-status ${valid ? 'cert-status--valid' : 'cert-status--revoked'}`}>
        <span className="cert-status__icon" aria-hidden="true">
          {STATUS_ICON[status]}
        </span>
        <div>
          <p className="cert-status__label">{t('verify.statusLabel')}</p>
          <h2 id="verify-status" className="cert-status__value">
            {valid ? t('verify.status.valid') : t('verify.status.revoked')}
          </h2>
          <p>
            {valid
              ? t('verify.validNote', { issuer: certificate.issuer })
              : t('verify.revokedNote')}
          </p>
        </div>
      </div>
      <dl className="details">
        <div>
          <dt>{t('verify.serial')}</dt>
          <dd className="mono">{certificate.serial}</dd>
        </div>
        <div>
          <dt>{t('verify.holder')}</dt>
          <dd>{certificate.holderName}</dd>
        </div>
        <div>
          <dt>{t('verify.course')}</dt>
          <dd>{certificate.courseTitle}</dd>
        </div>
        <div>
          <dt>{t('verify.hours')}</dt>
          <dd>{t('verify.hoursValue', { hours: certificate.hours })}</dd>
        </div>
        <div>
          <dt>{t('verify.issuedAt')}</dt>
          <dd>
            <time dateTime={certificate.issuedAt}>
              {formatDate(certificate.issuedAt, i18n.resolvedLanguage)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('verify.issuer')}</dt>
          <dd>{certificate.issuer}</dd>
        </div>
      </dl>
      {!certificate.holderNameShown && (
        <p className="muted" role="note">
          {t('verify.maskedNote')}
        </p>
      )}
    </section>
  );
}

function CertificateLookup({ serial, code }: { serial: string; code: string | null }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['public-certificate', serial, code],
    queryFn: ({ signal }) => fetchPublicCertificate(serial, code, signal),
  });

  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.statusCode === 404) {
      return (
        <section className="card" aria-labelledby="verify-status">
          <div className="cert-status cert-status--unknown" role="alert">
            <span className="cert-status__icon" aria-hidden="true">
              ?
            </span>
            <div>
              <h2 id="verify-status" className="cert-status__value">
                {t('verify.notFound')}
              </h2>
              <p>{t('verify.notFoundHint', { serial })}</p>
            </div>
          </div>
        </section>
      );
    }
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <CertificateResult certificate={query.data} />;
}

export default function CertificateVerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verify.title'));
  // A serial typed into the address bar in lower case or with spaces shows as printed.
  const serial = normalizeSerial(useParams().serial ?? '');
  // The code of the QR code / verify link: with it, the holder's full name is shown.
  const code = useSearchParams()[0].get('c');

  return (
    <>
      <h1>{t('verify.title')}</h1>
      {serial && <CertificateLookup key={serial} serial={serial} code={code} />}
      <section className="card" aria-labelledby="verify-lookup">
        <h2 id="verify-lookup">{serial ? t('verify.lookupTitle') : t('verify.lookupLabel')}</h2>
        <p className="muted">{t('verify.lookupIntro')}</p>
        <CertificateLookupForm key={serial} />
      </section>
    </>
  );
}
