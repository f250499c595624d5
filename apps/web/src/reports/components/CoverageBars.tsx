import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';

export interface BarItem {
  key: string;
  label: string;
  /** Coverage 0–1, or null when there is nothing to show (no DX staff, no report). */
  value: number | null;
  below: boolean;
  /** Shown instead of a value when `value` is null. */
  note?: string;
}

const ROW_HEIGHT = 44;
const LABEL_BASELINE = 16;
const BAR_TOP = 24;
const BAR_HEIGHT = 12;
const MAX_LABEL = 30;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/**
 * Horizontal bars in one SVG. Widths are percentages of the SVG's own width, so it fills
 * any screen without scaling its text; each bar has its label above it. Screen readers get
 * the figures through the title/description, and everyone can open them as a table.
 */
export function CoverageBars({
  title,
  items,
  threshold,
  labelHeader,
}: {
  title: string;
  items: BarItem[];
  /** 0–1: drawn as a dashed line. */
  threshold: number;
  labelHeader: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const titleId = useId();
  const descId = useId();
  const height = items.length * ROW_HEIGHT + 8;
  const thresholdX = `${Math.max(0, Math.min(1, threshold)) * 100}%`;
  const valueText = (item: BarItem) =>
    item.value === null ? (item.note ?? '—') : formatPercent(item.value, lng);
  const description = items
    .map(
      (item) =>
        `${item.label}: ${valueText(item)}${item.below ? ` (${t('reports.belowThreshold')})` : ''}`,
    )
    .join('; ');

  return (
    <figure className="chart">
      <figcaption className="chart__caption">{title}</figcaption>
      <svg
        className="chart__svg"
        width="100%"
        height={height}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>
          {t('reports.chart.thresholdLine', { value: formatPercent(threshold, lng) })}.{' '}
          {description}
        </desc>
        {items.map((item, i) => {
          const y = i * ROW_HEIGHT;
          const width = item.value === null ? 0 : Math.max(0, Math.min(1, item.value)) * 100;
          return (
            <g key={item.key} className={item.below ? 'chart__row chart__row--low' : 'chart__row'}>
              <text x="0" y={y + LABEL_BASELINE} className="chart__label">
                {shorten(item.label)}
                {item.label.length > MAX_LABEL && <title>{item.label}</title>}
              </text>
              <text x="100%" y={y + LABEL_BASELINE} textAnchor="end" className="chart__value">
                {item.below ? '⚠ ' : ''}
                {valueText(item)}
              </text>
              <rect
                x="0"
                y={y + BAR_TOP}
                width="100%"
                height={BAR_HEIGHT}
                rx="3"
                className="chart__track"
              />
              {width > 0 && (
                <rect
                  x="0"
                  y={y + BAR_TOP}
                  width={`${width}%`}
                  height={BAR_HEIGHT}
                  rx="3"
                  className="chart__bar"
                />
              )}
              {/* The threshold, across this bar only, so it never runs through a label. */}
              <line
                x1={thresholdX}
                x2={thresholdX}
                y1={y + BAR_TOP - 4}
                y2={y + BAR_TOP + BAR_HEIGHT + 4}
                className="chart__threshold"
              />
            </g>
          );
        })}
      </svg>
      <p className="chart__legend muted">
        <span className="chart__legend-line" aria-hidden="true" />{' '}
        {t('reports.chart.thresholdLine', { value: formatPercent(threshold, lng) })}
        {' · '}
        <span aria-hidden="true">⚠</span> {t('reports.belowThreshold')}
      </p>
      <details className="chart__table">
        <summary>{t('reports.chart.asTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col" className="num">
                  {t('reports.columns.coverage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{item.label}</th>
                  <td className="num">
                    {valueText(item)}
                    {item.below && ` (${t('reports.belowThreshold')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
