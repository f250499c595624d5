import type { OrgUnitResponse } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { formatDate } from '../i18n/format';
import { fetchOrgUnitChildren, ORG_UNITS_PAGE_SIZE, orgUnitKeys } from './api';

/** Per-unit buttons a page adds beside each unit (create a child, merge…). */
export type UnitActions = (unit: OrgUnitResponse) => ReactNode;

/** Where the unit stands today: open, closed by a merge, or with a merge scheduled. */
function UnitState({ unit }: { unit: OrgUnitResponse }) {
  const { t, i18n } = useTranslation();
  if (!unit.validTo) return null;
  const today = new Date().toISOString().slice(0, 10);
  const key = unit.validTo > today ? 'orgUnitAdmin.closing' : 'orgUnitAdmin.closed';
  return <span className="tag">{t(key, { date: formatDate(unit.validTo, i18n.language) })}</span>;
}

function UnitNode({ unit, actions }: { unit: OrgUnitResponse; actions?: UnitActions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = `unit-children-${unit.id}`;
  return (
    <li className="unit-tree__item">
      <div className="unit-tree__row">
        <button
          type="button"
          className="button button--small unit-tree__toggle"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t(open ? 'orgUnitAdmin.collapse' : 'orgUnitAdmin.expand', {
            name: unit.name,
          })}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '−' : '+'}</span>
        </button>
        <span className="unit-tree__name">
          {unit.name} <span className="mono muted">{unit.code}</span> <UnitState unit={unit} />
        </span>
        {actions && <span className="unit-tree__actions">{actions(unit)}</span>}
      </div>
      <div id={listId}>{open && <UnitChildren parentId={unit.id} actions={actions} />}</div>
    </li>
  );
}

/** One level of the tree, fetched when opened (`GET /api/org-units?parentId=`). */
export function UnitChildren({
  parentId,
  actions,
}: {
  parentId: string | null;
  actions?: UnitActions;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const children = useQuery({
    queryKey: orgUnitKeys.children(parentId, page),
    queryFn: ({ signal }) => fetchOrgUnitChildren(parentId, page, signal),
    staleTime: 60_000,
  });
  if (children.isPending) {
    return (
      <div className="skeleton skeleton--lines" role="status" aria-label={t('common.loading')} />
    );
  }
  if (children.isError) {
    return <PageError error={children.error} onRetry={() => void children.refetch()} />;
  }
  if (children.data.items.length === 0) {
    return <p className="muted unit-tree__empty">{t('orgUnits.noChildren')}</p>;
  }
  return (
    <>
      <ul className="unit-tree">
        {children.data.items.map((unit) => (
          <UnitNode key={unit.id} unit={unit} actions={actions} />
        ))}
      </ul>
      <Pagination
        page={page}
        pageSize={children.data.pageSize ?? ORG_UNITS_PAGE_SIZE}
        total={children.data.total}
        onPage={setPage}
      />
    </>
  );
}
