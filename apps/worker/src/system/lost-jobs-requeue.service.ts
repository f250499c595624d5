import {
  COVERAGE_EXPORT_FORMATS,
  coverageExportKey,
  QueueName,
  RequeueLostJobsJobData,
  RequeueLostJobsResult,
} from '@dx/contracts';
import { CoverageReportGenerator } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { failFileJob } from '../file-jobs/file-job-rows';
import {
  fileJobWork,
  requeueFileJobs,
  unfinishedFileJobsOlderThan,
} from '../file-jobs/unfinished-file-jobs';
import {
  recentlyCompletedReports,
  requeueReportJobs,
  runningReportsOlderThan,
} from '../reports/unfinished-reports';

/** A run looks at most at this many rows of each kind: a backlog is finished by the next runs. */
const BATCH = 500;

/** BullMQ states in which a job will still run (or is running). */
const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

type JobFate = { state: 'live' | 'gone' } | { state: 'failed'; reason: string };

/**
 * Redis replicates asynchronously: a job added just before the master dies can be lost while
 * its outbox row is already marked sent, and the coverage report or file job it works for
 * would stay running (or waiting) for good. Every 10 minutes this looks at the reports and
 * file jobs unfinished for too long and asks BullMQ about each one's job:
 * - still there and due to run: nothing to do (a long national report is not doubled);
 * - gone: queued again through the outbox under the same id (the jobs are idempotent);
 * - failed for good while the row did not say so (the worker died in its failure handler):
 *   the row is marked failed, as the worker would have, and nobody retries behind HR's back.
 * It also renders again the files missing from reports completed in the last two days (a
 * worker lost between the snapshot and the files): the API's GET never queues work.
 * Certificates have their own sweep (`PendingCertificatesRequeueService`).
 */
@Injectable()
export class LostJobsRequeueService {
  private readonly logger = new Logger(LostJobsRequeueService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly reports: CoverageReportGenerator,
    private readonly moduleRef: ModuleRef,
  ) {}

  async requeue(opts: RequeueLostJobsJobData = {}): Promise<RequeueLostJobsResult> {
    const olderThan = opts.olderThanMinutes ?? 10;
    const result: RequeueLostJobsResult = { reports: 0, fileJobs: 0, renders: 0, failed: 0 };

    const lostReports: string[] = [];
    for (const report of await runningReportsOlderThan(this.db, olderThan, BATCH)) {
      const fate = await this.fate(QueueName.Reports, report.jobId);
      if (fate.state === 'gone') lostReports.push(report.id);
      if (fate.state === 'failed') {
        await this.reports.markFailed(report.id, fate.reason);
        result.failed++;
      }
    }
    const unrendered = await this.missingExports(olderThan, opts.exportsWithinHours ?? 48);
    if (lostReports.length || unrendered.length)
      await requeueReportJobs(this.db, lostReports, unrendered, new Date());
    result.reports = lostReports.length;
    result.renders = unrendered.length;

    const lostFiles = [];
    for (const job of await unfinishedFileJobsOlderThan(this.db, olderThan, BATCH)) {
      const work = fileJobWork(job.kind, job.id);
      const fate = await this.fate(work.queue, work.jobId);
      if (fate.state === 'gone') lostFiles.push(job);
      if (fate.state === 'failed') {
        await failFileJob(this.db, job.id, fate.reason);
        result.failed++;
      }
    }
    if (lostFiles.length) await requeueFileJobs(this.db, lostFiles);
    result.fileJobs = lostFiles.length;

    if (result.reports + result.fileJobs + result.renders + result.failed > 0)
      this.logger.warn(
        `Lost jobs (unfinished > ${olderThan} min): ${result.reports} report(s) and ` +
          `${result.fileJobs} file job(s) queued again, ${result.renders} report(s) to render ` +
          `again, ${result.failed} marked failed`,
      );
    return result;
  }

  /** Completed reports with at least one export file missing from storage. */
  private async missingExports(olderThanMinutes: number, withinHours: number): Promise<string[]> {
    const missing: string[] = [];
    for (const id of await recentlyCompletedReports(this.db, olderThanMinutes, withinHours, BATCH)) {
      for (const format of COVERAGE_EXPORT_FORMATS) {
        if (!(await this.storage.exists(coverageExportKey(id, format)))) {
          missing.push(id);
          break;
        }
      }
    }
    return missing;
  }

  private async fate(queueName: QueueName, jobId: string): Promise<JobFate> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
    const job = await queue.getJob(jobId);
    if (!job) return { state: 'gone' };
    const state = await job.getState();
    if (LIVE.has(state)) return { state: 'live' };
    if (state === 'failed') return { state: 'failed', reason: job.failedReason || 'failed' };
    // Completed: the row was most likely finished after this run read it (jobs write their
    // row before they complete), so it is left alone. `unknown`: removed in between.
    return state === 'completed' ? { state: 'live' } : { state: 'gone' };
  }
}
