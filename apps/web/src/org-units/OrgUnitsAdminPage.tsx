import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { hasAnyRole } from '../auth/RequireRole';
import { useMe } from '../auth/useMe';
import { CreateOrgUnitForm } from './components/CreateOrgUnitForm';
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
        {/*
          Merge slot: the merge dialog (org-units/merge-*.tsx, built with the yearly cycle)
          plugs in here as `actions={(unit) => <MergeUnitButton unit={unit} />}` for sysadmins.
        */}
        <UnitChildren parentId={null} />
      </section>
      {isSysadmin && <CreateOrgUnitForm />}
    </>
  );
}
