import {
  activationSlipsJobId,
  ActivationSlipsStatus,
  JobName,
  JOB_QUEUE,
} from '@dx/contracts';
import { ActivationSlipBatchEntity, enqueueJob } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

const JOB_ID =
  /^activation-slips-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const SLIP_FORMATS = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type SlipFormat = keyof typeof SLIP_FORMATS;

export interface SlipFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * A unit's activation slips. The API records the request (batch row, outbox row and audit
 * entry in one transaction); the worker issues the codes and makes the files. The files
 * hold live codes, so following a batch needs what asking for it needs: hr with the unit
 * in scope today, or a sysadmin. Storage URLs are never handed out: files go through here.
 */
@Injectable()
export class ActivationSlipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async request(caller: AuthUser, orgUnitId: string): Promise<{ jobId: string }> {
    const unit = await this.scope.findVisible(caller, orgUnitId);
    const id = randomUUID();
    const jobId = activationSlipsJobId(id);
    await this.db.transaction(async (tx) => {
      await tx.insert(ActivationSlipBatchEntity, {
        id,
        orgUnitId: unit.id,
        unitPath: unit.path,
        unitCode: unit.code,
        unitName: unit.name,
        requestedBy: caller.id,
      });
      await enqueueJob(tx, {
        queue: JOB_QUEUE[JobName.MakeActivationSlips],
        jobName: JobName.MakeActivationSlips,
        jobId,
        payload: { batchId: id },
      });
      await recordAudit(tx, {
        action: 'user.activation_slips_requested',
        targetType: 'org_unit',
        targetId: unit.id,
        orgUnitId: unit.id,
        details: { batchId: id },
      });
    });
    return { jobId };
  }

  async status(caller: AuthUser, jobId: string): Promise<ActivationSlipsStatus> {
    const row = await this.find(caller, jobId);
    const base = { state: row.state, progress: row.progress };
    if (row.state === 'failed') return { ...base, error: row.error ?? 'failed' };
    if (row.state !== 'completed') return base;
    const path = `/api/activation-slips/${activationSlipsJobId(row.id)}`;
    return {
      ...base,
      count: row.count ?? 0,
      expiresAt: row.expiresAt?.toISOString(),
      pdfUrl: `${path}/pdf`,
      xlsxUrl: `${path}/xlsx`,
    };
  }

  async file(caller: AuthUser, jobId: string, format: SlipFormat): Promise<SlipFile> {
    const row = await this.find(caller, jobId);
    const key = format === 'pdf' ? row.pdfKey : row.xlsxKey;
    if (row.state !== 'completed' || !key) {
      throw new ConflictException({ message: 'The activation slips are not ready', errors: [] });
    }
    const code = row.unitCode.replace(/[^A-Za-z0-9-]/g, '-');
    return {
      stream: this.storage.stream(key),
      contentType: SLIP_FORMATS[format],
      fileName: `phieu-kich-hoat-${code}.${format}`,
    };
  }

  /** The batch if the caller may follow it; 404 otherwise (existence is not revealed). */
  private async find(caller: AuthUser, jobId: string): Promise<ActivationSlipBatchEntity> {
    const match = JOB_ID.exec(jobId);
    const row = match
      ? await this.db
          .getRepository(ActivationSlipBatchEntity)
          .findOneBy({ id: match[1].toLowerCase() })
      : null;
    if (!row || !(await this.scope.contains(caller, { path: row.unitPath }))) {
      throw new NotFoundException('Activation slips not found');
    }
    return row;
  }
}
