import type { CsvSeparator } from '@dx/contracts';
import { stringify } from 'csv-stringify/sync';
import type { CoverageSnapshot } from '../coverage-snapshot';
import { COVERAGE_HEADERS, coveragePercent } from './coverage-export-format';
import { COVERAGE_SPLIT_HEADERS, splitFigures, withDirectRows } from './coverage-export-rows';

/**
 * UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake), CRLF
 * records, quoting by csv-stringify. With `,` (default) figures are plain numbers with a
 * decimal point so scripts can read them back; with `;` decimals take a comma, as Excel
 * with Vietnamese regional settings reads them. Each unit with children is followed by
 * its "Trực thuộc trực tiếp" row, so children plus that row add up to the parent.
 */
export function renderCoverageCsv(
  snapshot: CoverageSnapshot,
  opts: { separator?: CsvSeparator } = {},
): Buffer {
  const separator = opts.separator ?? ',';
  const num = (n: number): number | string => (separator === ';' ? String(n).replace('.', ',') : n);
  const text = stringify(
    [
      [...COVERAGE_HEADERS, ...COVERAGE_SPLIT_HEADERS],
      ...withDirectRows(snapshot.rows).map((r) => [
        r.code,
        r.name,
        r.dxStaff,
        r.trained,
        num(coveragePercent(r.coverage)),
        num(r.hours),
        r.certificates,
        ...splitFigures(r),
      ]),
    ],
    { bom: true, record_delimiter: 'windows', delimiter: separator },
  );
  return Buffer.from(text, 'utf8');
}
