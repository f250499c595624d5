import type { CertificateExportFormat } from '@dx/contracts';
import { ChildEntity } from 'typeorm';
import { FileJobEntity } from './file-job.entity';

export type CertificateExportState = FileJobEntity['state'];

/** A unit's certificates of a year: a ZIP of the PDFs, or the register (XLSX or PDF). */
@ChildEntity('certificate_export')
export class CertificateExportEntity extends FileJobEntity {
  declare year: number;
  declare format: CertificateExportFormat;
}
