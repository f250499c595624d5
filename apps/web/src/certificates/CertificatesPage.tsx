import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { CertificateItem } from './components/CertificateItem';
import { useMyCertificates } from './hooks/useMyCertificates';

export default function CertificatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.title'));
  const certificates = useMyCertificates();

  return (
    <>
      <h1>{t('certificates.title')}</h1>
      {certificates.isPending ? (
        <PageLoading />
      ) : certificates.isError ? (
        <PageError error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.length === 0 ? (
        <p className="card">
          {t('certificates.none')} <Link to="/courses">{t('learning.browse')}</Link>
        </p>
      ) : (
        <ul className="plain-list">
          {certificates.data.map((c) => (
            <CertificateItem key={c.id} certificate={c} />
          ))}
        </ul>
      )}
    </>
  );
}
