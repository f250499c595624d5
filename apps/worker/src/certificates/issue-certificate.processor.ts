import { IssueCertificateJobData, JobName, QueueName } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { CertificateIssuerService, IssueOutcome } from './certificate-issuer.service';

/**
 * Issues certificates requested through the outbox (job id `certificate-<id>`). The lock
 * settings decide how soon the job of a crashed worker is handed to another one; they come
 * from the config (QUEUE_LOCK_DURATION_MS) through `workerSettingsFromConfig` in the module.
 */
@Processor(QueueName.Certificates, { concurrency: 4 })
export class IssueCertificateProcessor extends JobDispatcher {
  private readonly logger = new Logger(IssueCertificateProcessor.name);

  constructor(private readonly issuer: CertificateIssuerService) {
    super();
  }

  @JobHandler(JobName.IssueCertificate)
  async issue(job: Job<IssueCertificateJobData>): Promise<{ outcome: IssueOutcome }> {
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
