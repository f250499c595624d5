import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyCertificates } from '../../certificates/hooks/useMyCertificates';
import { formatDate } from '../../i18n/format';

const SHOWN = 3;

/** The latest certificates earned, newest first, with the way to all of them. */
export function RecentCertificates() {
  const { t, i18n } = useTranslation();
  const certificates = useMyCertificates();
  const recent = [...(certificates.data ?? [])]
    .filter((c) => c.status !== 'revoked')
    .sort((a, b) => (b.issuedAt ?? '9999').localeCompare(a.issuedAt ?? '9999'))
    .slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="home-certificates-title">
      <h2 id="home-certificates-title">{t('home.certificatesTitle')}</h2>
      {certificates.isPending ? (
        <div className="skeleton skeleton--lines" aria-hidden="true" />
      ) : recent.length === 0 ? (
        <p className="muted">{t('home.noCertificates')}</p>
      ) : (
        <ul className="link-list">
          {recent.map((c) => (
            <li key={c.id}>
              {c.courseTitle}{' '}
              <span className="muted">
                {c.status === 'pending' || !c.issuedAt
                  ? `· ${t('certificates.status.pending')}`
                  : `· ${formatDate(c.issuedAt, i18n.resolvedLanguage)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link to="/my-certificates">{t('home.certificatesLink')}</Link>
    </section>
  );
}
