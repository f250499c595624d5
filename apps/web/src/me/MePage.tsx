import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { NotificationPreferencesForm } from '../notifications/components/NotificationPreferencesForm';
import { MyDataExport } from '../privacy/MyDataExport';
import { useMyOrgUnit } from './useMyOrgUnit';

export default function MePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('me.title'));
  const me = useMe();
  const unit = useMyOrgUnit();

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;

  const user = me.data;
  return (
    <>
      <section className="card" aria-labelledby="me-title">
        <h1 id="me-title">{t('me.title')}</h1>
        <dl className="details">
          <div>
            <dt>{t('me.fullName')}</dt>
            <dd>{user.fullName}</dd>
          </div>
          <div>
            <dt>{t('me.username')}</dt>
            <dd data-testid="me-username">{user.username}</dd>
          </div>
          <div>
            <dt>{t('me.orgUnit')}</dt>
            <dd>
              {unit.data ? (
                <>
                  {unit.data.name}
                  {unit.data.path.length > 1 && (
                    <span className="muted unit-path">
                      {unit.data.path.map((u) => u.name).join(' › ')}
                    </span>
                  )}
                </>
              ) : (
                <span className="skeleton skeleton--text" aria-hidden="true" />
              )}
            </dd>
          </div>
          <div>
            <dt>{t('me.roles')}</dt>
            <dd>
              <ul className="tags">
                {user.roles.map((role) => (
                  <li key={role} className="tag">
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('me.dxRole')}</dt>
            <dd>{t(`dxRole.${user.dxRole}`)}</dd>
          </div>
        </dl>
        <p>
          <Link to="/me/password">{t('account.changeLink')}</Link>
          {' · '}
          <Link to="/me/two-factor">{t('mfa.link')}</Link>
        </p>
      </section>
      <NotificationPreferencesForm />
      <MyDataExport />
    </>
  );
}
