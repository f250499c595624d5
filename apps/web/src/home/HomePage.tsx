import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useMe } from '../auth/useMe';

export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useMe();
  const name = me.data?.fullName || me.data?.username;

  return (
    <>
      <section className="card">
        <h1>{name ? t('home.welcome', { name }) : t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <section className="card" aria-labelledby="home-links">
        <h2 id="home-links">{t('home.linksTitle')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/me">{t('home.meLink')}</Link>
          </li>
          <li>
            <Link to="/verify">{t('home.verifyLink')}</Link>
          </li>
        </ul>
        <p className="muted">{t('home.catalogSoon')}</p>
      </section>
    </>
  );
}
