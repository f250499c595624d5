import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  CoverageJobData,
  CoverageJobStatus,
  coverageJobId,
  dayMonthYear,
  REPORTS_QUEUE,
  ReportJob,
} from '@dx/contracts';
import { CoverageReportEntity } from '@dx/db';
import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { RequestCoverageReportDto } from './dto/request-coverage-report.dto';
import { CoverageReportAccess } from './coverage-report-access.service';
import { withTimeout } from './redis-timeout';
import { invalidField, refuseFutureYear } from '../http/invalid-input';

const REDIS_TIMEOUT_MS = 3_000;
const JOB_ID = /^coverage-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Asking for a report and following its job. The API only records the request and queues
 * it; the worker computes. Job state comes from BullMQ and the report row — never from
 * this process's memory — so any API instance can answer.
 */
@Injectable()
export class CoverageRequestsService implements OnModuleInit {
  private readonly logger = new Logger(CoverageRequestsService.name);
  private lastRedisWarning = 0;

  constructor(
    @InjectRepository(CoverageReportEntity)
    private readonly reports: Repository<CoverageReportEntity>,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<CoverageJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: OrgScopeService,
    private readonly access: CoverageReportAccess,
  ) {}

  onModuleInit(): void {
    // Without a listener BullMQ prints every failed reconnect; one line a minute is enough.
    this.queue.on('error', (err) => {
      if (Date.now() - this.lastRedisWarning < 60_000) return;
      this.lastRedisWarning = Date.now();
      this.logger.warn(`Reports queue: ${err.message}`);
    });
  }

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
    await this.reports.insert({
      id,
      year: dto.year,
      orgUnitId: unit.id,
      requestedBy: user.id,
      jobId,
      status: 'running',
      official: false,
      timeZone: this.config.reportsTimeZone,
    });
    try {
      await withTimeout(
        this.queue.add(ReportJob.Coverage, { reportId: id }, { jobId }),
        REDIS_TIMEOUT_MS,
      );
    } catch (err) {
      this.logger.warn(`Coverage report ${id} not queued: ${(err as Error).message}`);
      await this.reports.update(
        { id },
        { status: 'failed', error: 'the job queue was unavailable' },
      );
      throw new ServiceUnavailableException(
        'The report queue is unavailable right now; try again in a minute',
      );
    }
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
    let job: Job | undefined;
    try {
      job = await withTimeout(this.queue.getJob(jobId), REDIS_TIMEOUT_MS);
    } catch {
      if (report.status === 'running') {
        throw new ServiceUnavailableException(
          'The report queue is unavailable right now; try again in a minute',
        );
      }
    }
    const state = job
      ? await withTimeout(job.getState(), REDIS_TIMEOUT_MS).catch(() => 'unknown')
      : 'unknown';
    const progress =
      typeof job?.progress === 'number' ? Math.max(0, Math.min(100, Math.round(job.progress))) : 0;
    const reportId = report.id;
    switch (state) {
      case 'completed':
        return { state, progress: 100, reportId };
      case 'failed':
        return {
          state,
          progress,
          reportId,
          error: job?.failedReason || report.error || 'failed',
          errorCode: 'job_failed',
        };
      case 'active':
        return { state, progress, reportId };
      case 'unknown':
        // BullMQ forgets finished jobs after a while; the report row remembers the outcome.
        if (report.status === 'completed') return { state: 'completed', progress: 100, reportId };
        // A row the worker marked failed failed there; a running row whose job is gone was lost
        // (Redis flushed or restarted without persistence): asking again is the remedy.
        if (report.status === 'failed') {
          return {
            state: 'failed',
            progress,
            reportId,
            error: report.error ?? 'failed',
            errorCode: 'job_failed',
          };
        }
        return {
          state: 'failed',
          progress,
          reportId,
          error: 'the job is no longer queued; request the report again',
          errorCode: 'job_lost',
        };
      default:
        // waiting, delayed (a retry after a failure), prioritized: not running yet.
        return { state: 'waiting', progress, reportId };
    }
  }
}
