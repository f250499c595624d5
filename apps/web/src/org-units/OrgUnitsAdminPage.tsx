import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { hasAnyRole } from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { CreateOrgUnitForm } from './components/CreateOrgUnitForm';
import { MergeUnitActions } from './merge-unit-actions';
import { UnitChildren } from './OrgUnitTree';
import './org-units.css';

/**
 * HR (their subtree) and sysadmins: the unit tree as it stands today, opened level by level.
 * Only sysadmins may create units and merge them (the API's rule); the API has no rename.
 */
export default function OrgUnitsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orgUnitAdmin.title'));
  const me = useMe();
  const isSysadmin = hasAnyRole(me.data?.roles, ['sysadmin']);
  return (
    <>
      <section className="card" aria-labelledby="org-units-title">
        <h1 id="org-units-title">{t('orgUnitAdmin.title')}</h1>
        <p className="muted">{t(isSysadmin ? 'orgUnitAdmin.introAdmin' : 'orgUnitAdmin.intro')}</p>
        {/* Merging is the sysadmin's (the API's rule): its controls sit beside each unit. */}
        <UnitChildren
          parentId={null}
          actions={isSysadmin ? (unit) => <MergeUnitActions unit={unit} /> : undefined}
        />
      </section>
      {isSysadmin && <CreateOrgUnitForm />}
    </>
  );
}
