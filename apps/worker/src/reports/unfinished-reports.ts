import { coverageJobId, CoverageJobData, coverageRenderJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import { enqueueJobs } from '@dx/db';
import type { DataSource } from 'typeorm';

/*
 * The reports feature's part of the sweep of lost jobs (`LostJobsRequeueService`): which
 * coverage reports it looks at, and how their jobs are queued again (the outbox, in one
 * transaction, under the ids the API gave them).
 */

/** A running report whose job should be in Redis. */
export interface RunningReport {
  id: string;
  jobId: string;
}

/** Reports still running `olderThanMinutes` after they were asked for, oldest first. */
export async function runningReportsOlderThan(
  db: DataSource,
  olderThanMinutes: number,
  limit: number,
): Promise<RunningReport[]> {
  // Over the partial index idx_coverage_report_running: the few running rows only.
  return db.query(
    `SELECT id, job_id AS "jobId" FROM coverage_report
      WHERE status = 'running' AND created_at < now() - make_interval(mins => $1)
      ORDER BY created_at LIMIT $2`,
    [olderThanMinutes, limit],
  );
}

/**
 * Reports completed in the last `withinHours` (and at least `olderThanMinutes` ago, so their
 * first job has had time to render): the ones whose files the sweep checks.
 */
export async function recentlyCompletedReports(
  db: DataSource,
  olderThanMinutes: number,
  withinHours: number,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM coverage_report
      WHERE status = 'completed'
        AND generated_at >= now() - make_interval(hours => $2)
        AND generated_at < now() - make_interval(mins => $1)
      ORDER BY generated_at DESC LIMIT $3`,
    [olderThanMinutes, withinHours, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * Queues the computation of `lost` again under their own job ids, and a render of the
 * reports in `unrendered` (a coverage job on a completed report renders only what is
 * missing), through the outbox.
 */
export async function requeueReportJobs(
  db: DataSource,
  lost: string[],
  unrendered: string[],
  at: Date,
): Promise<void> {
  const job = (reportId: string, jobId: string) => {
    const payload: CoverageJobData = { reportId };
    return { queue: JOB_QUEUE[JobName.Coverage], jobName: JobName.Coverage, jobId, payload };
  };
  await db.transaction((tx) =>
    enqueueJobs(tx, [
      ...lost.map((id) => job(id, coverageJobId(id))),
      ...unrendered.map((id) => job(id, coverageRenderJobId(id, at))),
    ]),
  );
}
