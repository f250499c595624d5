import type { PageQuery } from './http';

/** Every BullMQ queue of the system; the worker fails at boot if one has no processor. */
export enum QueueName {
  System = 'system',
  Certificates = 'certificates',
  Reports = 'reports',
  Mail = 'mail',
  /**
   * Mail a person waits for (activation code, password reset): a queue of its own, so it
   * never waits behind a bulk backlog (a million reminders) on the mail queue.
   */
  PriorityMail = 'mail-priority',
  Notifications = 'notifications',
}

export const CERTIFICATES_QUEUE = QueueName.Certificates;

/**
 * Every job of the system, once. The worker refuses to boot unless each has exactly one
 * `@JobHandler` on a processor of its queue (`JOB_QUEUE`); the outbox relay accepts only
 * these. The per-queue enums below are views of this one, kept for their call sites.
 */
export enum JobName {
  /** Round trip through Redis and the worker, used by diagnostics and tests. */
  Ping = 'ping',
  /** Allocate serial, render and store the PDF, mark issued. Job id `certificate-<id>`. */
  IssueCertificate = 'issue',
  /** Compute one coverage snapshot and render its exports. Job id `coverage-<reportId>`. */
  Coverage = 'coverage',
  /** Yearly, from the job scheduler: the previous year's official report of every root unit. */
  YearlyNationalCoverage = 'yearly-national-coverage',
  /** Daily, from the job scheduler: requirement reminders, HR digest, inbox purge. */
  DailyReminders = 'daily-reminders',
  /** Render and send one row of the `mail` table, on the priority queue. Job id `mail-<id>`. */
  SendMail = 'send-mail',
  /**
   * Render and send up to MAIL_BATCH_SIZE rows of the `mail` table over pooled SMTP
   * connections (bulk notifications). Job id `mails-<first mail id>`.
   */
  SendMailBatch = 'send-mail-batch',
  /** A unit's certificates of a year as a ZIP of PDFs or a register. Job id `certificate-export-<id>`. */
  ExportCertificates = 'export-certificates',
  /** Daily, from the job scheduler: apply the org-unit merges whose date has come. */
  ApplyScheduledMerges = 'apply-scheduled-merges',
  /** A unit's activation slips (codes issued, PDF + XLSX). Job id `activation-slips-<id>`. */
  MakeActivationSlips = 'make-activation-slips',
  /** `GET /api/reports/people` of a subtree as a CSV/XLSX file. Job id `people-export-<id>`. */
  ExportPeople = 'export-people',
  /** Daily, from the job scheduler: delete the files of file jobs past FILE_JOB_RETENTION_DAYS. */
  PurgeExpiredFiles = 'purge-expired-files',
  /** Daily, from the job scheduler: delete question images no question or option uses any more. */
  CleanQuestionImages = 'clean-question-images',
  /**
   * Daily, from the job scheduler: move the current year's ledger placement to the new day,
   * so the first report read of the day does not pay for it.
   */
  AdvanceLedgerPlacement = 'advance-ledger-placement',
  /**
   * Every 10 minutes, from the job scheduler: add again the issue job of certificates pending
   * for too long (a job lost in a Redis failover), under the same job id.
   */
  RequeuePendingCertificates = 'requeue-pending-certificates',
  /**
   * Every 10 minutes, from the job scheduler: queue again (through the outbox, same job id)
   * the coverage reports and file jobs left unfinished with no job in Redis (lost in a
   * failover), and render again the missing files of recently completed reports.
   */
  RequeueLostJobs = 'requeue-lost-jobs',
}

/** The queue each job runs on. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.Ping]: QueueName.System,
  [JobName.IssueCertificate]: QueueName.Certificates,
  [JobName.Coverage]: QueueName.Reports,
  [JobName.YearlyNationalCoverage]: QueueName.Reports,
  [JobName.DailyReminders]: QueueName.Notifications,
  [JobName.SendMail]: QueueName.PriorityMail,
  [JobName.SendMailBatch]: QueueName.Mail,
  [JobName.ExportCertificates]: QueueName.Certificates,
  [JobName.ApplyScheduledMerges]: QueueName.System,
  [JobName.MakeActivationSlips]: QueueName.System,
  [JobName.ExportPeople]: QueueName.Reports,
  [JobName.PurgeExpiredFiles]: QueueName.System,
  [JobName.CleanQuestionImages]: QueueName.System,
  [JobName.AdvanceLedgerPlacement]: QueueName.Reports,
  [JobName.RequeuePendingCertificates]: QueueName.Certificates,
  [JobName.RequeueLostJobs]: QueueName.System,
};

export function isJobName(value: unknown): value is JobName {
  return (Object.values(JobName) as unknown[]).includes(value);
}

export enum CertificateJob {
  Issue = JobName.IssueCertificate,
  Export = JobName.ExportCertificates,
}

export interface IssueCertificateJobData {
  certificateId: string;
}

export enum SystemJob {
  Ping = JobName.Ping,
  RequeueLostJobs = JobName.RequeueLostJobs,
  ApplyScheduledMerges = JobName.ApplyScheduledMerges,
  MakeActivationSlips = JobName.MakeActivationSlips,
  PurgeExpiredFiles = JobName.PurgeExpiredFiles,
  CleanQuestionImages = JobName.CleanQuestionImages,
}

/** The job scheduler's id in Redis for the sweep of report and file jobs lost by Redis. */
export const REQUEUE_LOST_JOBS_SCHEDULER_ID = 'requeue-lost-jobs';

export interface RequeueLostJobsJobData {
  /** Only work unfinished for longer than this; default 10 minutes. */
  olderThanMinutes?: number;
  /** Completed reports of this many last hours get their files checked; default 48. */
  exportsWithinHours?: number;
}

export interface RequeueLostJobsResult {
  /** Running coverage reports whose job Redis no longer held, queued again. */
  reports: number;
  /** Waiting or active file jobs (slips, exports) whose job was gone, queued again. */
  fileJobs: number;
  /** Completed reports missing an export file, queued for rendering. */
  renders: number;
  /** Unfinished work whose job had failed for good without the row saying so, marked failed. */
  failed: number;
}

/** The job scheduler's id in Redis for the daily purge of expired files. */
export const PURGE_EXPIRED_FILES_SCHEDULER_ID = 'purge-expired-files';

export interface PurgeExpiredFilesResult {
  /** File jobs whose files were deleted. */
  jobs: number;
  files: number;
}

/** The job scheduler's id in Redis for the daily merge run (one however many workers). */
export const SCHEDULED_MERGES_SCHEDULER_ID = 'apply-scheduled-merges';

export interface ApplyScheduledMergesJobData {
  /** The day to apply merges up to (YYYY-MM-DD); default today in TZ_REPORTS. */
  today?: string;
}

export interface ApplyScheduledMergesResult {
  applied: number;
  failed: number;
}

/** The job scheduler's id in Redis for the daily clean-up of unused question images. */
export const QUESTION_IMAGES_CLEANUP_SCHEDULER_ID = 'clean-question-images';

export interface CleanQuestionImagesJobData {
  /** The moment the grace period counts back from (ISO); default now. */
  now?: string;
}

export interface CleanQuestionImagesResult {
  /** Unused images older than the grace period, deleted. */
  deleted: number;
  /** Images looked at and kept: in use, or uploaded too recently to tell. */
  kept: number;
}

export interface PingJobData {
  requestedBy: string;
  requestedAt: string;
}

export interface PingJobResult {
  pong: true;
  worker: string;
  processedAt: string;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed';

/** `GET /api/system/queues`: the state of every queue, for the sysadmins' dashboard. */
export interface QueueOverview {
  name: QueueName;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: number;
  paused: boolean;
}

export interface QueuesDashboard {
  queues: QueueOverview[];
  /** Outbox rows not yet handed to Redis, and the age of the oldest, in seconds. */
  outbox: { unsent: number; oldestSeconds: number | null };
}

export interface QueueJobView {
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  data: unknown;
}

/** States the queue dashboard lists jobs by (`delayed` too, unlike `JobState`). */
export const QUEUE_JOB_LIST_STATES = [
  'failed',
  'waiting',
  'active',
  'delayed',
  'completed',
] as const;
export type QueueJobListState = (typeof QUEUE_JOB_LIST_STATES)[number];

/** `GET /api/system/queues/:name/jobs`. */
export interface QueueJobListQuery extends PageQuery {
  /** Default: `failed`. */
  state?: QueueJobListState;
}
