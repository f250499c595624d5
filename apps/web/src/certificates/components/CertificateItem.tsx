import type { MyCertificate } from '@dx/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { saveBlob } from '../../app/save-blob';
import { formatDate } from '../../i18n/format';
import { fetchCertificatePdf, pdfFileName } from '../api';

export function CertificateItem({ certificate }: { certificate: MyCertificate }) {
  const { t, i18n } = useTranslation();
  const [download, setDownload] = useState<'idle' | 'busy' | 'error'>('idle');
  const { status } = certificate;

  async function onDownload() {
    setDownload('busy');
    try {
      saveBlob(await fetchCertificatePdf(certificate), pdfFileName(certificate));
      setDownload('idle');
    } catch {
      setDownload('error');
    }
  }

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
      <div className="button-row">
        {status === 'issued' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void onDownload()}
            disabled={download === 'busy'}
            aria-busy={download === 'busy'}
          >
            {t('certificates.download')}
          </button>
        )}
        {certificate.serial && status !== 'pending' && (
          <Link className="button" to={`/verify/${encodeURIComponent(certificate.serial)}`}>
            {t('certificates.verify')}
          </Link>
        )}
      </div>
      {download === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('certificates.downloadError')}
        </p>
      )}
    </li>
  );
}
