import type { CsvSeparator, PeopleReportStatus } from '@dx/contracts';
import { useFileJob } from '../app/useFileJob';
import {
  downloadPeopleExport,
  fetchPeopleExport,
  peopleKeys,
  requestPeopleExport,
} from './people-api';

/**
 * A people list made into a file by the worker (large subtrees: a province): asks for it,
 * follows its progress and saves the file once ready, under the server's file name.
 */
export function usePeopleExportJob(filter: {
  orgUnitId: string;
  year: number;
  status: PeopleReportStatus;
  separator: CsvSeparator;
}) {
  return useFileJob({
    request: (format: 'csv' | 'xlsx') => requestPeopleExport(filter, format, filter.separator),
    statusKey: peopleKeys.exportJob,
    fetchStatus: fetchPeopleExport,
    download: downloadPeopleExport,
    fileName: (format) => `danh-sach-${filter.year}.${format}`,
  });
}
