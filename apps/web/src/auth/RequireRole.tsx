import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import { PageError, PageLoading } from '../app/PageStatus';
import { useMe } from './useMe';

export const AUTHOR_ROLES: readonly Role[] = ['trainer', 'sysadmin'];
/** Training-coverage reports. */
export const REPORT_ROLES: readonly Role[] = ['hr', 'sysadmin'];
/** Certificates of the people or units in one's scope (list, revoke, re-issue). */
export const CERTIFICATE_MANAGER_ROLES: readonly Role[] = ['trainer', 'hr', 'sysadmin'];

export function hasAnyRole(roles: readonly Role[] | undefined, wanted: readonly Role[]): boolean {
  return !!roles?.some((role) => wanted.includes(role));
}

/** Inside RequireAuth: shows the page only to users holding one of `roles`. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!hasAnyRole(me.data.roles, roles)) {
    return (
      <section className="card">
        <h1>{t('forbidden.title')}</h1>
        <p>
          {t('forbidden.body', {
            roles: roles.map((role) => t(`roles.${role}`)).join(', '),
          })}
        </p>
      </section>
    );
  }
  return children;
}
