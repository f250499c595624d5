import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../api/types';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { hasAnyRole } from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { ADMIN_SCREENS } from './admin-screens';

/** The administration screens the caller's roles open, one card each. */
export default function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  const roles: readonly Role[] = useMe().data?.roles ?? [];
  const screens = ADMIN_SCREENS.filter((s) => hasAnyRole(roles, s.roles));
  return (
    <section className="card" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <ul className="admin-screens">
        {screens.map((s) => (
          <li key={s.path} className="admin-screens__item">
            <Link to={s.path}>{t(`admin.screens.${s.key}.title`)}</Link>
            <p className="muted">{t(`admin.screens.${s.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
