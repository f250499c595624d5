import type { MyCertificate } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { CertificateActions } from './CertificateActions';

export function CertificateItem({ certificate }: { certificate: MyCertificate }) {
  const { t, i18n } = useTranslation();
  const { status } = certificate;

  return (
    <li className="card certificate">
      <div className="certificate__head">
        <h2 className="certificate__title">{certificate.courseTitle}</h2>
        <span className={`chip chip--${status}`}>{t(`certificates.status.${status}`)}</span>
      </div>
      <dl className="details">
        {certificate.serial && (
          <div>
            <dt>{t('verify.serial')}</dt>
            <dd className="mono">{certificate.serial}</dd>
          </div>
        )}
        {certificate.issuedAt && (
          <div>
            <dt>{t('verify.issuedAt')}</dt>
            <dd>{formatDate(certificate.issuedAt, i18n.resolvedLanguage)}</dd>
          </div>
        )}
      </dl>
      {status === 'pending' && <p className="muted">{t('certificates.pendingNote')}</p>}
      <CertificateActions certificate={certificate} canDownload={status === 'issued'} />
    </li>
  );
}
