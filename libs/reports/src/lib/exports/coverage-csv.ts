import { stringify } from 'csv-stringify/sync';
import type { CoverageSnapshot } from '../coverage-snapshot';
import { COVERAGE_HEADERS, coveragePercent } from './coverage-export-format';

/**
 * UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake), CRLF
 * records, quoting by csv-stringify. Figures are plain numbers with a decimal point so
 * scripts can read them back; the XLSX is the one formatted for people.
 */
export function renderCoverageCsv(snapshot: CoverageSnapshot): Buffer {
  const text = stringify(
    [
      [...COVERAGE_HEADERS],
      ...snapshot.rows.map((r) => [
        r.code,
        r.name,
        r.dxStaff,
        r.trained,
        coveragePercent(r.coverage),
        r.hours,
        r.certificates,
      ]),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(text, 'utf8');
}
