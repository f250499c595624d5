import { activationSlipsJobId, ActivationSlipsStatus, JobName } from '@dx/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../auth/auth-user';
import { FileJobDownload, FileJobsService } from '../file-jobs/file-jobs.service';
import { OrgScopeService } from '../org-units/org-scope.service';

export const SLIP_FORMATS = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type SlipFormat = keyof typeof SLIP_FORMATS;

const PREFIX = 'activation-slips';

/**
 * A unit's activation slips, a file job (`FileJobsService`): the API records the request
 * (row, outbox row and audit entry in one transaction); the worker issues the codes and
 * makes the files. The files hold live codes, so following a batch needs what asking for
 * it needs: hr with the unit in scope today, or a sysadmin.
 */
@Injectable()
export class ActivationSlipsService {
  constructor(
    private readonly scope: OrgScopeService,
    private readonly fileJobs: FileJobsService,
  ) {}

  async request(caller: AuthUser, orgUnitId: string): Promise<{ jobId: string }> {
    const unit = await this.scope.findVisible(caller, orgUnitId);
    const id = randomUUID();
    const jobId = activationSlipsJobId(id);
    await this.fileJobs.request(caller, {
      kind: 'activation_slips',
      id,
      unit,
      job: { name: JobName.MakeActivationSlips, id: jobId, payload: { batchId: id } },
      audit: { action: 'user.activation_slips_requested', details: { batchId: id } },
    });
    return { jobId };
  }

  async status(caller: AuthUser, jobId: string): Promise<ActivationSlipsStatus> {
    const row = await this.fileJobs.find(caller, 'activation_slips', PREFIX, jobId);
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

  async file(caller: AuthUser, jobId: string, format: SlipFormat): Promise<FileJobDownload> {
    const row = await this.fileJobs.find(caller, 'activation_slips', PREFIX, jobId);
    const code = row.unitCode.replace(/[^A-Za-z0-9-]/g, '-');
    return this.fileJobs.download(row, format === 'pdf' ? row.pdfKey : row.xlsxKey, {
      contentType: SLIP_FORMATS[format],
      fileName: `phieu-kich-hoat-${code}.${format}`,
    });
  }
}
