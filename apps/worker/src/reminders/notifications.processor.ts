import { DailyRemindersJobData, JobName, QueueName } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DailyRemindersOutcome, DailyRemindersService } from './daily-reminders.service';
import { QueueFailuresNotifier, QueueFailuresOutcome } from './queue-failures.notifier';

/**
 * The notifications queue: the daily reminder run, then the sysadmins' queue-failure notice. One at a time per worker; two workers
 * running it at once would still notify each (person, event) once, as the keys are unique.
 * A national run keeps one job busy for a while, hence the long lock.
 */
@Processor(QueueName.Notifications, { concurrency: 1, lockDuration: 300_000 })
export class NotificationsProcessor extends JobDispatcher {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly reminders: DailyRemindersService,
    private readonly queueFailures: QueueFailuresNotifier,
  ) {
    super();
  }

  @JobHandler(JobName.DailyReminders)
  async dailyReminders(
    job: Job<DailyRemindersJobData>,
  ): Promise<DailyRemindersOutcome & { queueFailures: QueueFailuresOutcome }> {
    const today = job.data.today ?? this.reminders.today();
    const outcome = await this.reminders.run(today);
    return { ...outcome, queueFailures: await this.queueFailures.run(today) };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`Notifications job ${job?.id} failed: ${err.message}`);
  }

  // Without a listener, an 'error' event (e.g. Redis gone) would crash the process.
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Notifications worker error: ${err.message}`);
  }
}
