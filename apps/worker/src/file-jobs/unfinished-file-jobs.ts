import {
  activationSlipsJobId,
  certificateExportJobId,
  JOB_QUEUE,
  JobName,
  peopleExportJobId,
} from '@dx/contracts';
import { enqueueJobs, FileJobKind, OutboxJob } from '@dx/db';
import type { DataSource } from 'typeorm';

/*
 * The file-jobs feature's part of the sweep of lost jobs (`LostJobsRequeueService`): file
 * jobs left waiting or active, and the job each kind's maker runs under (the same name, id
 * and data the API's request wrote to the outbox).
 */

/** The job that makes a file job of each kind. */
export function fileJobWork(kind: FileJobKind, id: string): OutboxJob {
  switch (kind) {
    case 'activation_slips':
      return work(JobName.MakeActivationSlips, activationSlipsJobId(id), { batchId: id });
    case 'certificate_export':
      return work(JobName.ExportCertificates, certificateExportJobId(id), { exportId: id });
    case 'people_export':
      return work(JobName.ExportPeople, peopleExportJobId(id), { exportId: id });
  }
}

function work(jobName: JobName, jobId: string, payload: object): OutboxJob {
  return { queue: JOB_QUEUE[jobName], jobName, jobId, payload };
}

export interface UnfinishedFileJob {
  id: string;
  kind: FileJobKind;
}

/** File jobs still waiting or active `olderThanMinutes` after they were asked for, oldest first. */
export async function unfinishedFileJobsOlderThan(
  db: DataSource,
  olderThanMinutes: number,
  limit: number,
): Promise<UnfinishedFileJob[]> {
  // Over the partial index idx_file_job_unfinished.
  return db.query(
    `SELECT id, kind FROM file_job
      WHERE state IN ('waiting', 'active') AND created_at < now() - make_interval(mins => $1)
      ORDER BY created_at LIMIT $2`,
    [olderThanMinutes, limit],
  );
}

/** Queues the jobs of `lost` again through the outbox, under their own ids. */
export async function requeueFileJobs(db: DataSource, lost: UnfinishedFileJob[]): Promise<void> {
  await db.transaction((tx) =>
    enqueueJobs(
      tx,
      lost.map((j) => fileJobWork(j.kind, j.id)),
    ),
  );
}
