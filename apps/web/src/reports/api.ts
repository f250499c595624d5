import type {
  CoverageExportFormat,
  CoverageJobStatus,
  CoverageReport,
  CoverageReportRequest,
  CoverageReportSummary,
  CsvSeparator,
  JobAccepted,
} from '@dx/contracts';
import { isApiError } from '../api/api-error';
import { api, type ApiFile } from '../api/client';

export const reportKeys = {
  /** Stored reports the caller may read (own requests and the official yearly ones). */
  stored: ['reports', 'coverage', 'stored'] as const,
  job: (jobId: string) => ['reports', 'coverage', 'job', jobId] as const,
  report: (reportId: string) => ['reports', 'coverage', 'report', reportId] as const,
  /** Reports asked for by "So sánh các năm": one per unit and year, for this session. */
  yearJob: (orgUnitId: string, year: number) =>
    ['reports', 'coverage', 'year-job', orgUnitId, year] as const,
};

export function requestCoverageReport(body: CoverageReportRequest): Promise<JobAccepted> {
  return api.post<JobAccepted>('/reports/coverage', body);
}

/** Newest first; the API answers at most 200 (a year's official reports and one's own). */
export function fetchStoredReports(signal?: AbortSignal): Promise<CoverageReportSummary[]> {
  return api.get<CoverageReportSummary[]>('/reports/coverage', { signal });
}

export function fetchCoverageJob(jobId: string, signal?: AbortSignal): Promise<CoverageJobStatus> {
  return api.get<CoverageJobStatus>('/reports/coverage/jobs/{jobId}', { path: { jobId }, signal });
}

export function fetchCoverageReport(
  reportId: string,
  signal?: AbortSignal,
): Promise<CoverageReport> {
  return api.get<CoverageReport>('/reports/coverage/{reportId}', { path: { reportId }, signal });
}

/** Whether a job is over (the poll stops then). */
export function isFinished(status: CoverageJobStatus | undefined): boolean {
  return status?.state === 'completed' || status?.state === 'failed';
}

export const EXPORT_RETRY_MS = 1_500;
export const EXPORT_MAX_TRIES = 20;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * An export file. The worker renders it after the report; until then the API answers 409
 * ("being prepared"), so a few retries wait for it.
 */
export async function downloadCoverageExport(
  reportId: string,
  format: CoverageExportFormat,
  signal?: AbortSignal,
  separator: CsvSeparator = ',',
): Promise<ApiFile> {
  const query = new URLSearchParams({ format });
  if (format === 'csv' && separator !== ',') query.set('separator', separator);
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.file('/reports/coverage/{reportId}/export', {
        path: { reportId },
        query,
        signal,
      });
    } catch (error) {
      if (!isApiError(error) || error.statusCode !== 409 || attempt >= EXPORT_MAX_TRIES)
        throw error;
      await sleep(EXPORT_RETRY_MS, signal);
    }
  }
}

export const EXPORT_EXTENSIONS: Record<CoverageExportFormat, string> = {
  csv: 'csv',
  xlsx: 'xlsx',
  pdf: 'pdf',
};

/** Used when the server sends no file name. */
export function exportFileName(
  report: Pick<CoverageReport, 'year'>,
  unitCode: string,
  format: CoverageExportFormat,
): string {
  const code = unitCode.replace(/[^\w.-]+/g, '-') || 'don-vi';
  return `bao-cao-ty-le-boi-duong-${report.year}-${code}.${EXPORT_EXTENSIONS[format]}`;
}
