import type { AuditAction, JobName } from '@dx/contracts';
import { JOB_QUEUE } from '@dx/contracts';
import {
  ActivationSlipBatchEntity,
  CertificateExportEntity,
  enqueueJob,
  FileJobEntity,
  FileJobKind,
  PeopleExportEntity,
} from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import {
  ConflictException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

/** The row type of each kind (its child entity of `file_job`). */
export interface FileJobRows {
  activation_slips: ActivationSlipBatchEntity;
  certificate_export: CertificateExportEntity;
  people_export: PeopleExportEntity;
}

const ENTITY_OF = {
  activation_slips: ActivationSlipBatchEntity,
  certificate_export: CertificateExportEntity,
  people_export: PeopleExportEntity,
} as const;

/** Where a job id says which row it follows: `<prefix>-<uuid>`. */
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

export interface FileJobRequest<K extends FileJobKind> {
  kind: K;
  id: string;
  /** The unit whose subtree the file covers, already checked to be in the caller's scope. */
  unit: { id: string; path: string; code: string; name: string };
  /** Kind-specific columns (year, format…). */
  fields?: Partial<FileJobRows[K]>;
  job: { name: JobName; id: string; payload: Record<string, unknown> };
  audit: { action: AuditAction; details: Record<string, unknown> };
}

export interface FileJobDownload {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * The one building block of "ask for a file → follow its progress → download it": the row
 * (`file_job`), its outbox job and its audit entry are written in one transaction; the
 * worker makes the file and writes state and progress on the row, which is what every API
 * instance answers from. Who may follow a job: whoever may ask for one on that unit today
 * (the caller's scope holds the unit); anyone else gets 404, so ids reveal nothing. Storage
 * URLs are never handed out before that check.
 */
@Injectable()
export class FileJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async request<K extends FileJobKind>(caller: AuthUser, r: FileJobRequest<K>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(ENTITY_OF[r.kind], {
        ...(r.fields ?? {}),
        id: r.id,
        orgUnitId: r.unit.id,
        unitPath: r.unit.path,
        unitCode: r.unit.code,
        unitName: r.unit.name,
        requestedBy: caller.id,
      });
      await enqueueJob(tx, {
        queue: JOB_QUEUE[r.job.name],
        jobName: r.job.name,
        jobId: r.job.id,
        payload: r.job.payload,
      });
      await recordAudit(tx, {
        action: r.audit.action,
        targetType: 'org_unit',
        targetId: r.unit.id,
        orgUnitId: r.unit.id,
        details: r.audit.details,
      });
    });
  }

  /** The job named by `jobId` (`<prefix>-<uuid>`) if the caller may follow it; 404 otherwise. */
  async find<K extends FileJobKind>(
    caller: AuthUser,
    kind: K,
    prefix: string,
    jobId: string,
  ): Promise<FileJobRows[K]> {
    const match = new RegExp(`^${prefix}-${UUID}$`, 'i').exec(jobId);
    const row = match
      ? ((await this.db
          .getRepository<FileJobEntity>(ENTITY_OF[kind])
          .findOneBy({ id: match[1].toLowerCase() })) as FileJobRows[K] | null)
      : null;
    if (!row || !(await this.scope.contains(caller, { path: row.unitPath }))) {
      throw new NotFoundException('File job not found');
    }
    return row;
  }

  /** A file of a followed job: 409 until it is made, 410 once retention deleted it. */
  download(
    row: FileJobEntity,
    key: string | null,
    file: { contentType: string; fileName: string },
  ): FileJobDownload {
    if (row.filesDeletedAt) throw expired();
    if (row.state !== 'completed' || !key) {
      throw new ConflictException({ message: 'The file is not ready', errors: [] });
    }
    return { stream: this.storage.stream(key), ...file };
  }

  /** A direct storage URL when the store makes one (S3), null otherwise. */
  async directUrl(
    row: FileJobEntity,
    key: string,
    file: { contentType: string; fileName: string },
  ): Promise<string | null> {
    if (row.filesDeletedAt) return null;
    return this.storage.downloadUrl(key, { expiresInSeconds: 300, ...file });
  }
}

function expired(): GoneException {
  return new GoneException({
    code: 'file_expired',
    message: 'The file was deleted after its retention period',
    errors: [],
  });
}
