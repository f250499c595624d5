import { DailyRemindersJobData, NotificationJob, QueueName } from '@dx/contracts';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DailyRemindersOutcome, DailyRemindersService } from './daily-reminders.service';

/**
 * The notifications queue: the daily reminder run. One at a time per worker; two workers
 * running it at once would still notify each (person, event) once, as the keys are unique.
 * A national run keeps one job busy for a while, hence the long lock.
 */
@Processor(QueueName.Notifications, { concurrency: 1, lockDuration: 300_000 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly reminders: DailyRemindersService) {
    super();
  }

  async process(job: Job<DailyRemindersJobData>): Promise<DailyRemindersOutcome> {
    if (job.name !== NotificationJob.DailyReminders) {
      throw new UnrecoverableError(
        `No handler for job "${job.name}" on queue "${QueueName.Notifications}"`,
      );
    }
    return this.reminders.run(job.data.today ?? this.reminders.today());
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`Notifications job ${job?.id} failed: ${err.message}`);
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Notifications worker error: ${err.message}`);
  }
}
