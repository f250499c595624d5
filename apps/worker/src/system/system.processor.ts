import {
  ActivationSlipsJobData,
  CleanQuestionImagesJobData,
  CleanQuestionImagesResult,
  ApplyScheduledMergesJobData,
  ApplyScheduledMergesResult,
  JobName,
  PingJobResult,
  PurgeExpiredFilesResult,
  QueueName,
  RequeueLostJobsJobData,
  RequeueLostJobsResult,
} from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { hostname } from 'node:os';
import { ExpiredFilesService } from '../file-jobs/expired-files.service';
import { ScheduledMergesService } from '../org-units/scheduled-merges.service';
import { QuestionImagesCleanupService } from '../quizzes/question-images-cleanup.service';
import { ActivationSlipsService, SlipsOutcome } from '../users/activation-slips.service';
import { LostJobsRequeueService } from './lost-jobs-requeue.service';

/**
 * Diagnostics (a ping proves the round trip API → Redis → worker → Redis), the daily
 * housekeeping of the org tree (scheduled merges), of files (expired exports deleted) and of
 * question images, a unit's activation slips, and the sweep of report and file jobs lost
 * by Redis.
 */
@Processor(QueueName.System, { concurrency: 4 })
export class SystemProcessor extends JobDispatcher {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    private readonly merges: ScheduledMergesService,
    private readonly slips: ActivationSlipsService,
    private readonly expiredFiles: ExpiredFilesService,
    private readonly questionImages: QuestionImagesCleanupService,
    private readonly lostJobs: LostJobsRequeueService,
  ) {
    super();
  }

  @JobHandler(JobName.Ping)
  async ping(): Promise<PingJobResult> {
    return {
      pong: true,
      worker: `${hostname()}:${process.pid}`,
      processedAt: new Date().toISOString(),
    };
  }

  @JobHandler(JobName.ApplyScheduledMerges)
  async applyScheduledMerges(
    job: Job<ApplyScheduledMergesJobData>,
  ): Promise<ApplyScheduledMergesResult> {
    return this.merges.applyDue(job.data.today ?? this.merges.today());
  }

  @JobHandler(JobName.MakeActivationSlips)
  async makeActivationSlips(job: Job<ActivationSlipsJobData>): Promise<{ outcome: SlipsOutcome }> {
    return { outcome: await this.slips.make(job.data.batchId, (p) => job.updateProgress(p)) };
  }

  @JobHandler(JobName.RequeueLostJobs)
  async requeueLostJobs(job: Job<RequeueLostJobsJobData>): Promise<RequeueLostJobsResult> {
    return this.lostJobs.requeue(job.data ?? {});
  }

  @JobHandler(JobName.PurgeExpiredFiles)
  async purgeExpiredFiles(): Promise<PurgeExpiredFilesResult> {
    return this.expiredFiles.purge();
  }

  @JobHandler(JobName.CleanQuestionImages)
  async cleanQuestionImages(
    job: Job<CleanQuestionImagesJobData>,
  ): Promise<CleanQuestionImagesResult> {
    return this.questionImages.clean(job.data.now ? new Date(job.data.now) : new Date());
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    this.logger.warn(`Job ${job?.name}#${job?.id} failed: ${err.message}`);
    const final =
      err instanceof UnrecoverableError || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
    if (job?.name === JobName.MakeActivationSlips && final) {
      // The API answers from the batch row: it must say "failed", not "active" forever.
      await this.slips
        .markFailed((job.data as ActivationSlipsJobData).batchId, err.message)
        .catch((e: Error) => this.logger.error(`Could not mark slips failed: ${e.message}`));
    }
  }

  // Without a listener, an 'error' event (e.g. Redis gone) would crash the process.
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Worker error: ${err.message}`);
  }
}
