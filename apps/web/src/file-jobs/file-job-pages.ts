import {
  activationSlipsJobId,
  certificateExportJobId,
  peopleExportJobId,
  type FileJobPage,
} from '@dx/contracts';
import type { ApiFile } from '../api/client';
import { downloadCertificateExport, fetchCertificateExport } from '../certificates/api';
import { downloadSlipsFile, fetchActivationSlips } from '../people/api';
import { downloadPeopleExport, fetchPeopleExport } from '../reports/people-api';

/** One file a finished job offers: where to fetch it, its name when saved, its button. */
export interface JobFile {
  url: string;
  fileName: string;
  /** Key of its button's label under `fileJob.files`. */
  label: 'pdf' | 'xlsx' | 'file';
}

/** What the page shows of any kind's status. */
export interface JobView {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: number;
  files: JobFile[];
}

interface PageKind {
  /** `id` is the job's row id, as the link carries it; the API names it with its prefix. */
  fetch: (id: string, signal: AbortSignal) => Promise<JobView>;
  /** Null: a URL outside the API (presigned storage), opened by the browser. */
  download: (url: string) => Promise<ApiFile | null>;
}

const extension = (url: string) => /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1] ?? 'bin';
const oneFile = (url: string | undefined, base: string): JobFile[] =>
  url ? [{ url, fileName: `${base}.${extension(url)}`, label: 'file' }] : [];

/**
 * Each kind of file job the `export-ready` notice links to (`fileJobPath` of the
 * contracts), read through its own feature's API calls.
 */
export const FILE_JOB_PAGES: Record<FileJobPage, PageKind> = {
  'activation-slips': {
    fetch: async (id, signal) => {
      const s = await fetchActivationSlips(activationSlipsJobId(id), signal);
      const files: JobFile[] = [];
      if (s.pdfUrl) files.push({ url: s.pdfUrl, fileName: 'phieu-kich-hoat.pdf', label: 'pdf' });
      if (s.xlsxUrl)
        files.push({ url: s.xlsxUrl, fileName: 'phieu-kich-hoat.xlsx', label: 'xlsx' });
      return { state: s.state, progress: s.progress, files };
    },
    download: downloadSlipsFile,
  },
  'certificate-exports': {
    fetch: async (id, signal) => {
      const s = await fetchCertificateExport(certificateExportJobId(id), signal);
      return { state: s.state, progress: s.progress, files: oneFile(s.downloadUrl, 'chung-nhan') };
    },
    download: downloadCertificateExport,
  },
  'people-exports': {
    fetch: async (id, signal) => {
      const s = await fetchPeopleExport(peopleExportJobId(id), signal);
      return { state: s.state, progress: s.progress, files: oneFile(s.downloadUrl, 'danh-sach') };
    },
    download: downloadPeopleExport,
  },
};

export const isFileJobPage = (page: string | undefined): page is FileJobPage =>
  !!page && Object.prototype.hasOwnProperty.call(FILE_JOB_PAGES, page);
