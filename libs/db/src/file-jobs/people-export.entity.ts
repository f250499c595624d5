import type { CsvSeparator, DxRole, PeopleReportStatus } from '@dx/contracts';
import { ChildEntity, Column } from 'typeorm';
import { FileJobEntity } from './file-job.entity';

/** `GET /api/reports/people` of a whole subtree as a CSV or XLSX file, made by the worker. */
@ChildEntity('people_export')
export class PeopleExportEntity extends FileJobEntity {
  declare year: number;
  declare format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 16, nullable: true })
  peopleStatus: PeopleReportStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  dxRole: DxRole | null;

  /** The CSV's field separator (null for XLSX, and for exports asked before it was offered). */
  @Column({ type: 'varchar', length: 1, nullable: true })
  csvSeparator: CsvSeparator | null;
}
