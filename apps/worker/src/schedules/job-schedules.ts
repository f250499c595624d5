import {
  DAILY_REMINDERS_SCHEDULER_ID,
  JobName,
  LEDGER_PLACEMENT_SCHEDULER_ID,
  PURGE_EXPIRED_FILES_SCHEDULER_ID,
  QUESTION_IMAGES_CLEANUP_SCHEDULER_ID,
  REQUEUE_LOST_JOBS_SCHEDULER_ID,
  REQUEUE_PENDING_CERTIFICATES_SCHEDULER_ID,
  SCHEDULED_MERGES_SCHEDULER_ID,
  YEARLY_COVERAGE_SCHEDULER_ID,
} from '@dx/contracts';
import type { JobsOptions } from 'bullmq';

/** A job BullMQ runs on the calendar of TZ_REPORTS, with no data (each job reads its own day). */
export interface JobSchedule {
  /**
   * The job scheduler's key in Redis. Never renamed: `upsert` under the same key is what
   * makes every worker's registration, and every release's, the same single scheduler.
   */
  id: string;
  job: JobName;
  /** Cron, seconds first, read in TZ_REPORTS: see `daily` and `yearly`. */
  pattern: string;
  opts?: Pick<JobsOptions, 'attempts' | 'backoff'>;
}

type ClockTime = `${number}:${number}:${number}`;

/** Every day at `at` (hh:mm:ss) in TZ_REPORTS, as a cron pattern with seconds first. */
export function daily(at: ClockTime): string {
  const [h, m, s] = at.split(':').map(Number);
  return `${s} ${m} ${h} * * *`;
}

/** Each 1 January at `at` (hh:mm:ss) in TZ_REPORTS. */
export function yearly(at: ClockTime): string {
  return daily(at).replace(/\* \* \*$/, '1 1 *');
}

const RETRIED = { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } };

/**
 * Every scheduled job of the worker, in the order of the day. Registered at boot by
 * `JobSchedulesService`; each job's handler takes the day (or moment) it works for from its
 * data, defaulting to now, so specs run any day's job without moving the clock.
 */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  // A merge takes effect at the start of its day: the tree HR sees that morning is the new one.
  {
    id: SCHEDULED_MERGES_SCHEDULER_ID,
    job: JobName.ApplyScheduledMerges,
    pattern: daily('00:00:30'),
    opts: RETRIED,
  },
  // After the merges (their people are then re-placed from the new tree): the first report
  // read of the day finds the ledger placed on this day and pays nothing.
  {
    id: LEDGER_PLACEMENT_SCHEDULER_ID,
    job: JobName.AdvanceLedgerPlacement,
    pattern: daily('00:01:00'),
    opts: RETRIED,
  },
  // All day long: a certificate whose issue job Redis lost in a failover is issued within
  // 20 minutes (pending for 10, then the next run), not never.
  {
    id: REQUEUE_PENDING_CERTIFICATES_SCHEDULER_ID,
    job: JobName.RequeuePendingCertificates,
    pattern: '0 */10 * * * *',
  },
  // Likewise for coverage reports and file jobs (slips, exports) whose job was lost, and the
  // files missing from recent reports; 5 minutes after the certificates' run.
  {
    id: REQUEUE_LOST_JOBS_SCHEDULER_ID,
    job: JobName.RequeueLostJobs,
    pattern: '0 5-59/10 * * * *',
  },
  // The previous year's official reports, once it has ended (and its ledger was closed).
  {
    id: YEARLY_COVERAGE_SCHEDULER_ID,
    job: JobName.YearlyNationalCoverage,
    pattern: yearly('00:05:00'),
  },
  // Storage deletes in a quiet hour.
  {
    id: PURGE_EXPIRED_FILES_SCHEDULER_ID,
    job: JobName.PurgeExpiredFiles,
    pattern: daily('03:15:00'),
    opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  },
  {
    id: QUESTION_IMAGES_CLEANUP_SCHEDULER_ID,
    job: JobName.CleanQuestionImages,
    pattern: daily('03:20:00'),
    opts: { attempts: 3 },
  },
  // Reminders arrive with the workday.
  {
    id: DAILY_REMINDERS_SCHEDULER_ID,
    job: JobName.DailyReminders,
    pattern: daily('07:00:00'),
    opts: RETRIED,
  },
];
