import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, CoverageJobData, JOB_QUEUE, JobName } from '@dx/contracts';
import { enqueueJobs, rootUnitsAtYearEndSql } from '@dx/db';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface YearlyCoverageOutcome {
  year: number;
  /** Official reports created by this run. */
  created: string[];
  /** Official reports of the year not completed yet (created now or by an interrupted run), queued. */
  queued: string[];
}

/**
 * The official yearly figures: one report per root unit of the tree as it stood at the
 * end of the year, marked `official`. The partial unique index on (unit, year) WHERE
 * official makes a second run (a retry, a second worker, a manual call) create nothing;
 * reports left unfinished are queued again under their own deterministic job ids, through
 * the outbox in the transaction that created them.
 */
@Injectable()
export class YearlyCoverageService {
  private readonly logger = new Logger(YearlyCoverageService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The year the schedule reports on: the one that just ended in TZ_REPORTS. */
  previousYear(now = new Date()): number {
    return Number(calendarDate(this.config.reportsTimeZone, now).slice(0, 4)) - 1;
  }

  requestOfficial(year: number): Promise<YearlyCoverageOutcome> {
    return this.db.transaction((tx) => this.createAndQueue(tx, year));
  }

  private async createAndQueue(tx: EntityManager, year: number): Promise<YearlyCoverageOutcome> {
    const created: { id: string }[] = await tx.query(
      `INSERT INTO coverage_report (id, year, org_unit_id, requested_by, job_id, status, official, time_zone)
       SELECT r.id, $1::int, r.unit_id, NULL, 'coverage-' || r.id, 'running', true, $2
         FROM (${rootUnitsAtYearEndSql('gen_random_uuid() AS id, u.id AS unit_id', '$1::int')}) r
       ON CONFLICT (org_unit_id, year) WHERE official DO NOTHING
       RETURNING id`,
      [year, this.config.reportsTimeZone],
    );
    const pending: { id: string; job_id: string }[] = await tx.query(
      `SELECT id, job_id FROM coverage_report WHERE official AND year = $1 AND status <> 'completed'`,
      [year],
    );
    await enqueueJobs(
      tx,
      pending.map((r) => {
        const payload: CoverageJobData = { reportId: r.id };
        const jobName = JobName.Coverage;
        return { queue: JOB_QUEUE[jobName], jobName, jobId: r.job_id, payload };
      }),
    );
    this.logger.log(
      `Official coverage ${year}: ${created.length} created, ${pending.length} queued`,
    );
    return { year, created: created.map((r) => r.id), queued: pending.map((r) => r.id) };
  }
}
