import { CertificateJob, IssueCertificateJobData, QueueName } from '@dx/contracts';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CertificateIssuerService, IssueOutcome } from './certificate-issuer.service';

/**
 * Issues certificates requested through the outbox (job id `certificate-<id>`). The lock
 * settings decide how soon the job of a crashed worker is handed to another one; they
 * are read from the environment because decorators are evaluated at load time.
 */
@Processor(QueueName.Certificates, {
  concurrency: 4,
  lockDuration: Number(process.env.QUEUE_LOCK_DURATION_MS ?? 30_000),
  stalledInterval: Number(process.env.QUEUE_LOCK_DURATION_MS ?? 30_000),
})
export class IssueCertificateProcessor extends WorkerHost {
  private readonly logger = new Logger(IssueCertificateProcessor.name);

  constructor(private readonly issuer: CertificateIssuerService) {
    super();
  }

  async process(job: Job<IssueCertificateJobData>): Promise<{ outcome: IssueOutcome }> {
    if (job.name !== CertificateJob.Issue) {
      throw new UnrecoverableError(
        `No handler for job "${job.name}" on queue "${QueueName.Certificates}"`,
      );
    }
    return { outcome: await this.issuer.issue(job.data.certificateId) };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(
      `Certificate job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Certificate worker error: ${err.message}`);
  }
}
