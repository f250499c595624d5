import { APP_CONFIG, AppConfig } from '@dx/config';
import { JobName, QueueName, SendMailBatchJobData, SendMailJobData } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { InjectQueue, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { BatchOutcome, MailSenderService, SendOutcome } from './mail-sender.service';

/**
 * Sends mail requested through the outbox: one mail (job id `mail-<id>`) or a batch of bulk
 * notification mails (`mails-<first id>`). While the mail server is away, the job is put
 * back as delayed with a growing wait (capped by MAIL_RETRY_MAX_SECONDS) instead of
 * failing: mail is delayed, never dropped. The limiter caps the jobs per second of all
 * workers together at MAIL_RATE_PER_SECOND; a batch of n mails then pauses the queue (for
 * every worker: the pause lives in Redis) for the rest of the n / rate seconds it stands
 * for. Decorators are evaluated at load time, hence the environment read.
 */
@Processor(QueueName.Mail, {
  concurrency: 4,
  limiter: { max: Number(process.env.MAIL_RATE_PER_SECOND ?? 10), duration: 1_000 },
})
export class SendMailProcessor extends JobDispatcher {
  private readonly logger = new Logger(SendMailProcessor.name);

  constructor(
    private readonly sender: MailSenderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
  ) {
    super();
  }

  @JobHandler(JobName.SendMail)
  async send(job: Job<SendMailJobData>, token?: string): Promise<{ outcome: SendOutcome }> {
    let result: Awaited<ReturnType<MailSenderService['send']>>;
    try {
      result = await this.sender.send(job.data.mailId);
    } catch (err) {
      // The database (not the mail server) failed: failing the job would leave the row
      // pending with nothing to send it, so wait the longest and try again.
      this.logger.warn(`Mail ${job.data.mailId} not sent: ${(err as Error).message}`);
      result = { outcome: 'failed', attempts: Number.MAX_SAFE_INTEGER };
    }
    const { outcome, attempts } = result;
    if (outcome === 'failed' || outcome === 'busy') {
      await job.moveToDelayed(Date.now() + this.retryDelayMs(attempts), token);
      throw new DelayedError();
    }
    return { outcome };
  }

  @JobHandler(JobName.SendMailBatch)
  async sendBatch(job: Job<SendMailBatchJobData>, token?: string): Promise<BatchOutcome> {
    const started = Date.now();
    let result: BatchOutcome;
    try {
      result = await this.sender.sendBatch(job.data.mailIds);
    } catch (err) {
      // As for one mail: the database failed, nothing was recorded, wait the longest.
      this.logger.warn(`Mail batch ${job.id} not sent: ${(err as Error).message}`);
      result = { sent: 0, rejected: 0, skipped: 0, pending: 1, attempts: Number.MAX_SAFE_INTEGER };
    }
    const owed = ((result.sent + result.rejected) * 1_000) / this.config.mail.ratePerSecond;
    const early = owed - (Date.now() - started);
    if (early > 1) await this.queue.rateLimit(Math.ceil(early));
    if (result.pending > 0) {
      // The mails still pending go again later; those sent are not pending any more.
      await job.moveToDelayed(Date.now() + this.retryDelayMs(result.attempts), token);
      throw new DelayedError();
    }
    return result;
  }

  /** 1 s, 2 s, 4 s … up to the configured ceiling. */
  retryDelayMs(attempts: number): number {
    const ceiling = this.config.mail.retryMaxSeconds * 1_000;
    return Math.min(1_000 * 2 ** Math.min(30, Math.max(0, attempts - 1)), ceiling);
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Mail worker error: ${err.message}`);
  }
}
