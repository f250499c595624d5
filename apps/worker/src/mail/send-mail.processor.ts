import { APP_CONFIG, AppConfig } from '@dx/config';
import { JobName, QueueName, SendMailBatchJobData } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { MailPace } from './mail-pace';
import { BatchOutcome, MailSenderService } from './mail-sender.service';

/**
 * Sends bulk notification mail requested through the outbox, in batches (`mails-<first
 * id>`). Before sending, a batch books its pending mails on the shared pace (MailPace), so
 * all workers together stay under MAIL_RATE_PER_SECOND. While the mail server is away, the
 * job is put back as delayed with a growing wait (capped by MAIL_RETRY_MAX_SECONDS) instead
 * of failing: mail is delayed, never dropped. Mail a person is waiting for goes by the
 * priority queue (PriorityMailProcessor), never behind these batches.
 */
@Processor(QueueName.Mail, { concurrency: 4 })
export class SendMailProcessor extends JobDispatcher {
  private readonly logger = new Logger(SendMailProcessor.name);

  constructor(
    private readonly sender: MailSenderService,
    private readonly pace: MailPace,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  @JobHandler(JobName.SendMailBatch)
  async sendBatch(job: Job<SendMailBatchJobData>, token?: string): Promise<BatchOutcome> {
    let result: BatchOutcome;
    try {
      // Only the mails still to send count: a batch retried after a partial outage books
      // what is left of it.
      await this.pace.wait(await this.sender.pendingCount(job.data.mailIds));
      result = await this.sender.sendBatch(job.data.mailIds);
    } catch (err) {
      // The database or Redis (not the mail server) failed: nothing was recorded, wait the longest.
      this.logger.warn(`Mail batch ${job.id} not sent: ${(err as Error).message}`);
      result = { sent: 0, rejected: 0, skipped: 0, pending: 1, attempts: Number.MAX_SAFE_INTEGER };
    }
    if (result.pending > 0) {
      // The mails still pending go again later; those sent are not pending any more.
      await job.moveToDelayed(Date.now() + retryDelayMs(this.config, result.attempts), token);
      throw new DelayedError();
    }
    return result;
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Mail worker error: ${err.message}`);
  }
}

/** 1 s, 2 s, 4 s … up to the configured ceiling (MAIL_RETRY_MAX_SECONDS). */
export function retryDelayMs(config: AppConfig, attempts: number): number {
  const ceiling = config.mail.retryMaxSeconds * 1_000;
  return Math.min(1_000 * 2 ** Math.min(30, Math.max(0, attempts - 1)), ceiling);
}
