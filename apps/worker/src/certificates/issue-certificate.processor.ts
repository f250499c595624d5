import {
  CertificateExportJobData,
  CertificateJob,
  IssueCertificateJobData,
  JobName,
  QueueName,
  RequeuePendingCertificatesJobData,
  RequeuePendingCertificatesResult,
} from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CertificateExportService, ExportOutcome } from './certificate-export.service';
import { CertificateIssuerService, IssueOutcome } from './certificate-issuer.service';
import { PendingCertificatesRequeueService } from './pending-certificates-requeue.service';

/**
 * Issues certificates requested through the outbox (job id `certificate-<id>`) and makes
 * the exports asked for (job id `certificate-export-<id>`), and every 10 minutes re-adds the
 * issue job of certificates left pending (a job lost in a Redis failover). The lock
 * settings decide how soon the job of a crashed worker is handed to another one; they come
 * from the config (QUEUE_LOCK_DURATION_MS) through `workerSettingsFromConfig` in the module.
 */
@Processor(QueueName.Certificates, { concurrency: 4 })
export class IssueCertificateProcessor extends JobDispatcher {
  private readonly logger = new Logger(IssueCertificateProcessor.name);

  constructor(
    private readonly issuer: CertificateIssuerService,
    private readonly exports: CertificateExportService,
    private readonly pending: PendingCertificatesRequeueService,
  ) {
    super();
  }

  @JobHandler(JobName.IssueCertificate)
  async issue(job: Job<IssueCertificateJobData>): Promise<{ outcome: IssueOutcome }> {
    return { outcome: await this.issuer.issue(job.data.certificateId) };
  }

  @JobHandler(JobName.ExportCertificates)
  async export(job: Job<CertificateExportJobData>): Promise<{ outcome: ExportOutcome }> {
    return {
      outcome: await this.exports.export(job.data.exportId, (p) => job.updateProgress(p)),
    };
  }

  @JobHandler(JobName.RequeuePendingCertificates)
  async requeuePending(
    job: Job<RequeuePendingCertificatesJobData>,
  ): Promise<RequeuePendingCertificatesResult> {
    return this.pending.requeue(job.data.olderThanMinutes);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    this.logger.warn(
      `Certificate job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`,
    );
    const final =
      err instanceof UnrecoverableError || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
    if (job?.name === CertificateJob.Export && final) {
      // The API answers from the export row: it must say "failed", not "active" forever.
      await this.exports
        .markFailed((job.data as CertificateExportJobData).exportId, err.message)
        .catch((e: Error) => this.logger.error(`Could not mark export failed: ${e.message}`));
    }
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Certificate worker error: ${err.message}`);
  }
}
