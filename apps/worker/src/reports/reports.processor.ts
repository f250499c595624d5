import {
  AdvanceLedgerPlacementJobData,
  AdvanceLedgerPlacementResult,
  CoverageJobData,
  JobName,
  PeopleExportJobData,
  REPORTS_QUEUE,
  ReportJob,
  YearlyCoverageJobData,
} from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { CoverageOutcome, CoverageReportGenerator } from '@dx/reports';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { ReportReadyNotifier } from '../reminders/report-ready.notifier';
import { LedgerPlacementService } from './ledger-placement.service';
import { PeopleExportOutcome, PeopleExportService } from './people-export.service';
import { YearlyCoverageOutcome, YearlyCoverageService } from './yearly-coverage.service';

/**
 * Coverage reports (job id `coverage-<reportId>`), the yearly official run, people exports
 * and the ledger's daily placement. A national report keeps the event loop busy while its
 * PDF is drawn, hence the long lock.
 */
@Processor(REPORTS_QUEUE, { concurrency: 2, lockDuration: 120_000 })
export class ReportsProcessor extends JobDispatcher {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly generator: CoverageReportGenerator,
    private readonly yearly: YearlyCoverageService,
    private readonly notifier: ReportReadyNotifier,
    private readonly people: PeopleExportService,
    private readonly placement: LedgerPlacementService,
  ) {
    super();
  }

  @JobHandler(JobName.Coverage)
  async coverage(job: Job<CoverageJobData>): Promise<{ outcome: CoverageOutcome }> {
    const { reportId } = job.data;
    const outcome = await this.generator.generate(reportId, (p) => job.updateProgress(p));
    if (outcome !== 'missing') await this.notifier.reportReady(reportId);
    return { outcome };
  }

  @JobHandler(JobName.YearlyNationalCoverage)
  async yearlyNationalCoverage(job: Job<YearlyCoverageJobData>): Promise<YearlyCoverageOutcome> {
    return this.yearly.requestOfficial(job.data.year ?? this.yearly.previousYear());
  }

  @JobHandler(JobName.ExportPeople)
  async exportPeople(job: Job<PeopleExportJobData>): Promise<{ outcome: PeopleExportOutcome }> {
    return { outcome: await this.people.export(job.data.exportId, (p) => job.updateProgress(p)) };
  }

  @JobHandler(JobName.AdvanceLedgerPlacement)
  async advanceLedgerPlacement(
    job: Job<AdvanceLedgerPlacementJobData>,
  ): Promise<AdvanceLedgerPlacementResult> {
    return this.placement.advance(job.data.day ?? this.placement.today());
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    this.logger.warn(`Report job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`);
    const final =
      err instanceof UnrecoverableError || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
    if (job?.name === ReportJob.Coverage && final) {
      // The API answers "failed" from the report row once BullMQ has forgotten the job.
      await this.generator
        .markFailed((job.data as CoverageJobData).reportId, err.message)
        .catch((e: Error) => this.logger.error(`Could not mark report failed: ${e.message}`));
    }
    if (job?.name === JobName.ExportPeople && final) {
      await this.people
        .markFailed((job.data as PeopleExportJobData).exportId, err.message)
        .catch((e: Error) => this.logger.error(`Could not mark export failed: ${e.message}`));
    }
  }

  // Without a listener, an 'error' event (e.g. Redis gone) would crash the process.
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`Reports worker error: ${err.message}`);
  }
}
