import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { hasAnyRole } from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { CreateOrgUnitForm } from './components/CreateOrgUnitForm';
import { MergeUnitActions } from './merge-unit-actions';
import { RenameUnitAction } from './rename-unit-action';
import { UnitChildren } from './OrgUnitTree';
import './org-units.css';

/**
 * HR (their subtree) and sysadmins: the unit tree as it stands today, opened level by level.
 * HR and sysadmins rename units; only sysadmins create and merge them (the API's rules).
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
        {/* Sysadmins also merge units (now or on a later date) and cancel scheduled merges. */}
        <UnitChildren
          parentId={null}
          actions={(unit) => (
            <>
              <RenameUnitAction unit={unit} />
              {isSysadmin && <MergeUnitActions unit={unit} />}
            </>
          )}
        />
      </section>
      {isSysadmin && <CreateOrgUnitForm />}
    </>
  );
}
