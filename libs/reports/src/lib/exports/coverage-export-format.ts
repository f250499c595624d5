import type { CoverageExportFormat } from '@dx/contracts';
import type { CoverageSnapshot } from '../coverage-snapshot';

/** Column headings of every export, as HR offices write them. */
export const COVERAGE_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Số CB làm CĐS',
  'Số đã bồi dưỡng',
  'Tỷ lệ (%)',
  'Số giờ',
  'Số chứng nhận',
] as const;

export const COVERAGE_CONTENT_TYPES: Record<CoverageExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function coverageTitle(year: number): string {
  return `BÁO CÁO TỶ LỆ BỒI DƯỠNG CĐS NĂM ${year}`;
}

/** Coverage 0–1 as a percentage with two decimals (66.67), for CSV and PDF. */
export function coveragePercent(coverage: number): number {
  return Math.round(coverage * 10_000) / 100;
}

/** "26/11/2026 08:30" in the report's time zone. */
export function vnDateTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** File name offered on download, in Vietnamese ("Báo cáo bồi dưỡng CĐS 2025 - Tỉnh Tuyên Quang.pdf"). */
export function coverageFileName(snapshot: CoverageSnapshot, format: CoverageExportFormat): string {
  // Characters that file systems or header parsers treat specially become spaces.
  const unit = [...snapshot.unitName]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return `Báo cáo bồi dưỡng CĐS ${snapshot.report.year}${unit ? ` - ${unit}` : ''}.${format}`;
}

/** ASCII stand-in for clients that ignore `filename*` ("bao-cao-cds-2025-T-01.pdf"). */
export function coverageAsciiFileName(
  snapshot: CoverageSnapshot,
  format: CoverageExportFormat,
): string {
  const code = snapshot.unitCode.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `bao-cao-cds-${snapshot.report.year}${code ? `-${code}` : ''}.${format}`;
}
