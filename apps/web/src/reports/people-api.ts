import type { Paginated, PeopleReportRow, PeopleReportStatus } from '@dx/contracts';
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
};

export function fetchPeople(f: PeopleFilter, signal?: AbortSignal) {
  return api.get<Paginated<PeopleReportRow>>('/reports/people', {
    query: search(f, { page: String(f.page), pageSize: '50' }),
    signal,
  });
}

export function downloadPeople(
  f: Omit<PeopleFilter, 'page'>,
  format: 'csv' | 'xlsx',
): Promise<ApiFile> {
  return api.file('/reports/people', { query: search(f, { format }) });
}
