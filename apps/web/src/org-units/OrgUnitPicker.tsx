import type { OrgUnitResponse } from '@dx/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../app/PageStatus';
import { Pagination } from '../app/Pagination';
import { fetchOrgUnit, fetchOrgUnitChildren, ORG_UNITS_PAGE_SIZE, orgUnitKeys } from './api';
import './org-units.css';

export type PickedUnit = Pick<OrgUnitResponse, 'id' | 'code' | 'name'>;

/** The name of a unit in the caller's scope, for showing a chosen id. */
export function useOrgUnit(id: string | null) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchOrgUnit(id as string, signal),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
}

function UnitBrowser({
  onPick,
  selectedId,
}: {
  onPick: (unit: OrgUnitResponse) => void;
  selectedId: string | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Units opened so far, from the top of the caller's scope down.
  const [path, setPath] = useState<PickedUnit[]>([]);
  const [page, setPage] = useState(1);
  const parentId = path.at(-1)?.id ?? null;
  const children = useQuery({
    queryKey: orgUnitKeys.children(parentId, page),
    queryFn: ({ signal }) => fetchOrgUnitChildren(parentId, page, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  function open(next: PickedUnit[]) {
    setPath(next);
    setPage(1);
  }

  function pick(unit: OrgUnitResponse) {
    queryClient.setQueryData(orgUnitKeys.detail(unit.id), unit);
    onPick(unit);
  }

  return (
    <div className="unit-browser">
      <nav aria-label={t('orgUnits.path')}>
        <ol className="unit-browser__path">
          <li>
            {path.length === 0 ? (
              <span aria-current="location">{t('orgUnits.top')}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => open([])}>
                {t('orgUnits.top')}
              </button>
            )}
          </li>
          {path.map((unit, i) => (
            <li key={unit.id}>
              {i === path.length - 1 ? (
                <span aria-current="location">{unit.name}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => open(path.slice(0, i + 1))}
                >
                  {unit.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {children.isPending ? (
        <PageLoading />
      ) : children.isError ? (
        <PageError error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <p className="muted">{t('orgUnits.noChildren')}</p>
      ) : (
        <ul className="unit-browser__list" aria-busy={children.isFetching}>
          {children.data.items.map((unit) => (
            <li key={unit.id} className="unit-browser__item">
              <span className="unit-browser__name">
                {unit.name} <span className="mono muted">{unit.code}</span>
              </span>
              <span className="unit-browser__actions">
                <button
                  type="button"
                  className="button button--small button--primary"
                  aria-label={t('orgUnits.pickNamed', { name: unit.name })}
                  aria-pressed={unit.id === selectedId}
                  onClick={() => pick(unit)}
                >
                  {t('orgUnits.pick')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('orgUnits.openNamed', { name: unit.name })}
                  onClick={() => open([...path, { id: unit.id, code: unit.code, name: unit.name }])}
                >
                  {t('orgUnits.open')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {children.data && (
        <Pagination
          page={page}
          pageSize={children.data.pageSize ?? ORG_UNITS_PAGE_SIZE}
          total={children.data.total}
          onPage={setPage}
        />
      )}
    </div>
  );
}

/**
 * Choosing a unit of the caller's scope by browsing `GET /api/org-units?parentId=` down
 * from its top. `allowAll`: the choice may be cleared ("every unit in your scope").
 */
export function OrgUnitPicker({
  label,
  value,
  onChange,
  allowAll = false,
}: {
  label: string;
  value: string | null;
  onChange: (unit: PickedUnit | null) => void;
  allowAll?: boolean;
}) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const unit = useOrgUnit(value);

  return (
    <fieldset className="unit-picker">
      <legend>{label}</legend>
      <p className="unit-picker__current" aria-live="polite">
        {!value ? (
          <strong>{allowAll ? t('orgUnits.all') : t('orgUnits.none')}</strong>
        ) : unit.data ? (
          <>
            <strong data-testid="picked-unit">{unit.data.name}</strong>{' '}
            <span className="mono muted">{unit.data.code}</span>
          </>
        ) : unit.isError ? (
          <span className="muted">{t('orgUnits.unknown')}</span>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('orgUnits.closePicker') : t('orgUnits.openPicker')}
        </button>
        {allowAll && value && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onChange(null);
              setOpen(false);
            }}
          >
            {t('orgUnits.clear')}
          </button>
        )}
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <UnitBrowser
            selectedId={value}
            onPick={(picked) => {
              onChange({ id: picked.id, code: picked.code, name: picked.name });
              setOpen(false);
            }}
          />
        )}
      </div>
    </fieldset>
  );
}
