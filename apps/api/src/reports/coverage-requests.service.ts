import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  CoverageJobData,
  CoverageJobStatus,
  coverageJobId,
  dayMonthYear,
  JOB_QUEUE,
  JobName,
} from '@dx/contracts';
import { CoverageReportEntity, enqueueJob } from '@dx/db';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { RequestCoverageReportDto } from './dto/request-coverage-report.dto';
import { CoverageReportAccess } from './coverage-report-access.service';
import { invalidField, refuseFutureYear } from '../http/invalid-input';

const JOB_ID = /^coverage-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Asking for a report and following its job. The API records the request and its job in
 * one transaction (the report row and an outbox row): Redis being away only delays the
 * work, the outbox relay hands it over later. Job state is the report row's (status,
 * progress), never BullMQ's nor this process's memory, so any API instance answers the same;
 * a job Redis lost is queued again by the worker's sweep, not reported lost here.
 */
@Injectable()
export class CoverageRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: OrgScopeService,
    private readonly access: CoverageReportAccess,
  ) {}

  async request(user: AuthUser, dto: RequestCoverageReportDto): Promise<{ jobId: string }> {
    refuseFutureYear(dto.year, this.config.reportsTimeZone);
    // A unit merged into the caller's subtree may be reported on for its earlier years.
    const unit = await this.scope.findVisibleOrAbsorbed(user, dto.orgUnitId);
    const yearEnd = `${dto.year}-12-31`;
    if (unit.validFrom > yearEnd || (unit.validTo !== null && unit.validTo <= yearEnd)) {
      // Reports describe the tree on 31 December; a merged unit lives on in its successor.
      throw invalidField(
        'orgUnitId',
        `the unit did not exist on ${yearEnd}; request its successor's report`,
        'unit_not_in_year',
        { date: dayMonthYear(yearEnd) },
      );
    }

    const id = randomUUID();
    const jobId = coverageJobId(id);
    await this.db.transaction(async (tx) => {
      await tx.insert(CoverageReportEntity, {
        id,
        year: dto.year,
        orgUnitId: unit.id,
        requestedBy: user.id,
        jobId,
        status: 'running',
        official: false,
        timeZone: this.config.reportsTimeZone,
      });
      const payload: CoverageJobData = { reportId: id };
      await enqueueJob(tx, {
        queue: JOB_QUEUE[JobName.Coverage],
        jobName: JobName.Coverage,
        jobId,
        payload,
      });
    });
    return { jobId };
  }

  async status(user: AuthUser, jobId: string): Promise<CoverageJobStatus> {
    const match = JOB_ID.exec(jobId);
    if (!match) throw new NotFoundException('Coverage report job not found');
    const { report } = await this.access.find(
      user,
      { id: match[1].toLowerCase(), jobId },
      { requester: true },
    );
    const reportId = report.id;
    switch (report.status) {
      case 'completed':
        return { state: 'completed', progress: 100, reportId };
      case 'failed':
        return {
          state: 'failed',
          progress: report.progress,
          reportId,
          error: report.error ?? 'failed',
          errorCode: 'job_failed',
        };
      default:
        // A worker writes progress as soon as it starts (5%): 0 means still in the queue.
        return report.progress > 0
          ? { state: 'active', progress: Math.min(99, report.progress), reportId }
          : { state: 'waiting', progress: 0, reportId };
    }
  }
}
