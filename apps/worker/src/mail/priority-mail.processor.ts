import { APP_CONFIG, AppConfig } from '@dx/config';
import { JobName, QueueName, SendMailJobData } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { MailPace } from './mail-pace';
import { MailSenderService, SendOutcome } from './mail-sender.service';
import { retryDelayMs } from './send-mail.processor';

/**
 * Sends one mail a person is waiting for (activation code, password reset: `mail-<id>`) on
 * a queue of its own, so a backlog of a million reminders on the mail queue never delays
 * it. It is counted in MAIL_RATE_PER_SECOND all the same: BullMQ's limiter (set from the
 * config in MailJobsModule) caps this queue, and each mail books its share of the shared
 * pace without waiting for it, so the bulk batches behind it yield the time. Retries as
 * the batches do: delayed, never failed, while the mail server is away.
 */
@Processor(QueueName.PriorityMail, { concurrency: 4 })
export class PriorityMailProcessor extends JobDispatcher {
  private readonly logger = new Logger(PriorityMailProcessor.name);

  constructor(
    private readonly sender: MailSenderService,
    private readonly pace: MailPace,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  @JobHandler(JobName.SendMail)
  async send(job: Job<SendMailJobData>, token?: string): Promise<{ outcome: SendOutcome }> {
    let result: Awaited<ReturnType<MailSenderService['send']>>;
    try {
      result = await this.sender.send(job.data.mailId);
      if (result.outcome === 'sent' || result.outcome === 'rejected') await this.pace.book(1);
    } catch (err) {
      // The database (not the mail server) failed: failing the job would leave the row
      // pending with nothing to send it, so wait the longest and try again.
      this.logger.warn(`Mail ${job.data.mailId} not sent: ${(err as Error).message}`);
      result = { outcome: 'failed', attempts: Number.MAX_SAFE_INTEGER };
    }
    const { outcome, attempts } = result;
    if (outcome === 'failed' || outcome === 'busy') {
      await job.moveToDelayed(Date.now() + retryDelayMs(this.config, attempts), token);
      throw new DelayedError();
    }
    return { outcome };
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Priority mail worker error: ${err.message}`);
  }
}
