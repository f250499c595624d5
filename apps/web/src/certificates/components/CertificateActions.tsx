import type { MyCertificate } from '@dx/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { saveBlob } from '../../app/save-blob';
import { fetchCertificatePdf, pdfFileName } from '../api';

/**
 * "Download" and "verify" for one certificate, then any further `children` buttons, with the
 * download's failure said under the row. Whether the PDF can be had is the caller's to say.
 */
export function CertificateActions({
  certificate,
  canDownload,
  children,
}: {
  certificate: MyCertificate;
  canDownload: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [download, setDownload] = useState<'idle' | 'busy' | 'error'>('idle');
  const { serial, status } = certificate;

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
    <>
      <div className="button-row">
        {canDownload && (
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
        {serial && status !== 'pending' && (
          <Link className="button" to={verifyPath(certificate)}>
            {t('certificates.verify')}
          </Link>
        )}
        {children}
      </div>
      {download === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('certificates.downloadError')}
        </p>
      )}
    </>
  );
}

/**
 * The public page with the certificate's private code (`?c=`, from its verify link), so the
 * holder and the staff in scope see the full name, as whoever scans the QR code does.
 */
function verifyPath({ serial, verifyUrl }: MyCertificate): string {
  if (verifyUrl) {
    const url = new URL(verifyUrl);
    return `${url.pathname}${url.search}`;
  }
  return `/verify/${encodeURIComponent(serial ?? '')}`;
}
