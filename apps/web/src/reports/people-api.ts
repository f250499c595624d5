import type {
  CsvSeparator,
  JobAccepted,
  Paginated,
  PeopleExportRequest,
  PeopleExportStatus,
  PeopleReportRow,
  PeopleReportStatus,
} from '@dx/contracts';
import { api, type ApiFile } from '../api/client';

export interface PeopleFilter {
  orgUnitId: string;
  year: number;
  status: PeopleReportStatus;
  page: number;
}

const search = (f: Omit<PeopleFilter, 'page'>, extra: Record<string, string>) =>
  new URLSearchParams({
    orgUnitId: f.orgUnitId,
    year: String(f.year),
    status: f.status,
    ...extra,
  }).toString();

export const peopleKeys = {
  list: (f: PeopleFilter) => ['reports', 'people', f] as const,
  exportJob: (jobId: string) => ['reports', 'people', 'exports', jobId] as const,
};

export function fetchPeople(f: PeopleFilter, signal?: AbortSignal) {
  return api.get<Paginated<PeopleReportRow>>('/reports/people', {
    query: search(f, { page: String(f.page), pageSize: '50' }),
    signal,
  });
}

/** The separator goes with a CSV only (the API refuses it with a workbook); `,` is its default. */
const csvOnly = (format: 'csv' | 'xlsx', separator: CsvSeparator): Record<string, string> =>
  format === 'csv' && separator !== ',' ? { separator } : {};

export function downloadPeople(
  f: Omit<PeopleFilter, 'page'>,
  format: 'csv' | 'xlsx',
  separator: CsvSeparator = ',',
): Promise<ApiFile> {
  return api.file('/reports/people', {
    query: search(f, { format, ...csvOnly(format, separator) }),
  });
}

/** `POST /api/reports/people/exports`: the worker makes the file of a large list. */
export function requestPeopleExport(
  f: Omit<PeopleFilter, 'page'>,
  format: 'csv' | 'xlsx',
  separator: CsvSeparator = ',',
): Promise<JobAccepted> {
  const body: PeopleExportRequest = {
    orgUnitId: f.orgUnitId,
    year: f.year,
    status: f.status,
    format,
    ...csvOnly(format, separator),
  };
  return api.post<JobAccepted>('/reports/people/exports', body);
}

export function fetchPeopleExport(
  jobId: string,
  signal?: AbortSignal,
): Promise<PeopleExportStatus> {
  return api.get<PeopleExportStatus>('/reports/people/exports/{jobId}', {
    path: { jobId },
    signal,
  });
}

/** The finished file (`downloadUrl` is an API path, fetched with the token). */
export function downloadPeopleExport(downloadUrl: string): Promise<ApiFile> {
  return api.fileAt(downloadUrl);
}
