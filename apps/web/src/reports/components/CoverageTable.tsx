import type { CoverageReportRow } from '@dx/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber, formatPercent } from '../../i18n/format';
import {
  COVERAGE_SORT_KEYS,
  DEFAULT_SORT,
  SECONDARY_KEYS,
  tableRows,
  initiallyExpanded,
  isBelowThreshold,
  nextSort,
  parentIds,
  visibleRows,
  type CoverageSort,
  type CoverageSortKey,
} from '../coverage-tree';

const NUMERIC: readonly CoverageSortKey[] = [
  'dxStaff',
  'trained',
  'coverage',
  'requirementMet',
  'hours',
  'certificates',
];

/** Below this width the secondary columns start folded, so the table fits at 1280 px. */
const WIDE_ENOUGH = '(min-width: 1600px)';
const startWide = () => typeof window !== 'undefined' && !!window.matchMedia?.(WIDE_ENOUGH).matches;

/** "a/b": trained of the staff of one DX role. */
function Split({ trained, dxStaff, lng }: { trained: number; dxStaff: number; lng?: string }) {
  return (
    <>
      {formatNumber(trained, lng)}/{formatNumber(dxStaff, lng)}
    </>
  );
}

/** "Below the threshold": an icon and words, never the colour alone. */
export function BelowFlag() {
  const { t } = useTranslation();
  return (
    <span className="flag-low">
      <span aria-hidden="true">⚠</span> {t('reports.belowThreshold')}
    </span>
  );
}

/**
 * The report as a tree table: a unit's children under it (expand/collapse), first the
 * "Trực thuộc trực tiếp" row of its own people (so the rows under a unit add up to it),
 * siblings sorted by the chosen column, units below the threshold marked. Secondary
 * columns (hours, certificates, the full-/part-time split) fold away below 1600 px until
 * asked for, so the table fits a 1280 px screen; it scrolls sideways only on a phone.
 */
export function CoverageTable({
  rows,
  threshold,
  caption,
  peopleLink,
}: {
  rows: CoverageReportRow[];
  /** Where a click on a unit leads: its list of people (not yet trained). */
  peopleLink?: (orgUnitId: string) => string;
  /** 0–1 */
  threshold: number;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const [sort, setSort] = useState<CoverageSort>(DEFAULT_SORT);
  const all = useMemo(() => tableRows(rows), [rows]);
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyExpanded(all));
  const [wide, setWide] = useState(startWide);
  const allParents = useMemo(() => parentIds(all), [all]);
  const shown = useMemo(() => visibleRows(all, sort, expanded), [all, sort, expanded]);
  const keys = COVERAGE_SORT_KEYS.filter((key) => wide || !SECONDARY_KEYS.includes(key));

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const ariaSort = (key: CoverageSortKey) =>
    sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() => setExpanded(new Set(allParents))}
        >
          {t('reports.table.expandAll')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setExpanded(new Set())}
        >
          {t('reports.table.collapseAll')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={wide}
          onClick={() => setWide((w) => !w)}
        >
          {t(wide ? 'reports.table.fewerColumns' : 'reports.table.moreColumns')}
        </button>
      </div>
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="table coverage-table">
          <caption className="visually-hidden">
            {caption}. {t('reports.table.sortHint')}
          </caption>
          <thead>
            <tr>
              {keys.map((key) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={ariaSort(key)}
                  className={NUMERIC.includes(key) ? 'num' : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort((s) => nextSort(s, key))}
                  >
                    {t(`reports.columns.${key}`)}
                    <span className="sort-button__icon" aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              {wide && (
                <>
                  <th scope="col" className="num">
                    {t('reports.columns.fullTime')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.columns.partTime')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ row, depth, childCount, expanded: open }) => {
              const low = isBelowThreshold(row, threshold);
              return (
                <tr
                  key={row.orgUnitId}
                  className={low ? 'coverage-row--low' : undefined}
                  data-unit-code={row.direct ? undefined : row.code}
                  data-direct={row.direct || undefined}
                >
                  <th scope="row" className="coverage-table__unit">
                    <span
                      className="tree-cell"
                      style={{ paddingInlineStart: `${depth * 1.25}rem` }}
                    >
                      {childCount > 0 ? (
                        <button
                          type="button"
                          className="tree-toggle"
                          aria-expanded={open}
                          aria-label={t(open ? 'reports.table.collapse' : 'reports.table.expand', {
                            name: row.name,
                          })}
                          onClick={() => toggle(row.orgUnitId)}
                        >
                          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                        </button>
                      ) : (
                        <span className="tree-toggle tree-toggle--leaf" aria-hidden="true" />
                      )}
                      {row.direct ? (
                        <span
                          className="coverage-table__direct"
                          title={t('reports.table.directHint')}
                        >
                          {t('reports.table.direct')}
                        </span>
                      ) : (
                        <span>
                          {peopleLink ? (
                            <Link
                              className="coverage-table__name"
                              to={peopleLink(row.orgUnitId)}
                              title={t('people.openPeople')}
                            >
                              {row.name}
                            </Link>
                          ) : (
                            <span className="coverage-table__name">{row.name}</span>
                          )}{' '}
                          <span className="mono muted coverage-table__code">{row.code}</span>
                        </span>
                      )}
                    </span>
                  </th>
                  <td className="num">{formatNumber(row.dxStaff, lng)}</td>
                  <td className="num">{formatNumber(row.trained, lng)}</td>
                  <td className="num coverage-table__coverage">
                    {row.dxStaff > 0 ? (
                      formatPercent(row.coverage, lng)
                    ) : (
                      <span title={t('reports.noStaff')}>
                        —<span className="visually-hidden"> {t('reports.noStaff')}</span>
                      </span>
                    )}
                    {low && (
                      <>
                        {' '}
                        <BelowFlag />
                      </>
                    )}
                  </td>
                  <td className="num">{formatNumber(row.requirementMet, lng)}</td>
                  {wide && (
                    <>
                      <td className="num">{formatNumber(row.hours, lng)}</td>
                      <td className="num">{formatNumber(row.certificates, lng)}</td>
                      <td className="num">
                        <Split {...row.fullTime} lng={lng} />
                      </td>
                      <td className="num">
                        <Split {...row.partTime} lng={lng} />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
