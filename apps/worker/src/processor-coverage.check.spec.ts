import { JobName, QueueName } from '@dx/contracts';
import { JobDispatcher, JobHandler } from '@dx/queues';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ProcessorCoverageCheck } from './processor-coverage.check';

class IdleHost extends WorkerHost {
  async process(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.System)
class SystemA extends JobDispatcher {
  @JobHandler(JobName.Ping)
  async ping(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.ApplyScheduledMerges)
  async merges(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.MakeActivationSlips)
  async slips(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.PurgeExpiredFiles)
  async purge(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.CleanQuestionImages)
  async questionImages(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.RequeueLostJobs)
  async lostJobs(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.System)
class SystemB extends IdleHost {}

@Processor(QueueName.Certificates)
class Certificates extends JobDispatcher {
  @JobHandler(JobName.IssueCertificate)
  async issue(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.ExportCertificates)
  async export(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.RequeuePendingCertificates)
  async requeuePending(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.Reports)
class Reports extends JobDispatcher {
  @JobHandler(JobName.Coverage)
  async coverage(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.YearlyNationalCoverage)
  async yearly(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.ExportPeople)
  async people(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.AdvanceLedgerPlacement)
  async placement(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.Notifications)
class Notifications extends JobDispatcher {
  @JobHandler(JobName.DailyReminders)
  async daily(): Promise<null> {
    return null;
  }
}

/** Reports without the yearly job's handler. */
@Processor(QueueName.Reports)
class ReportsMissingYearly extends JobDispatcher {
  @JobHandler(JobName.Coverage)
  async coverage(): Promise<null> {
    return null;
  }
}

/** Reports handling the coverage job twice, and the ping job of another queue. */
@Processor(QueueName.Reports)
class ReportsMiswired extends Reports {
  @JobHandler(JobName.Coverage)
  async again(): Promise<null> {
    return null;
  }

  @JobHandler(JobName.Ping)
  async ping(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.Mail)
class Mail extends JobDispatcher {
  @JobHandler(JobName.SendMailBatch)
  async sendBatch(): Promise<null> {
    return null;
  }
}

@Processor(QueueName.PriorityMail)
class PriorityMail extends JobDispatcher {
  @JobHandler(JobName.SendMail)
  async send(): Promise<null> {
    return null;
  }
}

@Processor('no-such-queue')
class Stray extends IdleHost {}

/** Runs the check over a container holding just these providers (no Redis: workers never start). */
async function checkWith(...processors: (new () => WorkerHost)[]): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [ProcessorCoverageCheck, ...processors],
  }).compile();
  try {
    moduleRef.get(ProcessorCoverageCheck).onApplicationBootstrap();
  } finally {
    await moduleRef.close();
  }
}

describe('ProcessorCoverageCheck', () => {
  it('refuses to boot when a queue has no processor', async () => {
    await expect(checkWith()).rejects.toThrow('queue "system" has no processor');
  });

  it('refuses to boot when a job of JobName has no handler', async () => {
    await expect(checkWith(SystemA, Certificates, ReportsMissingYearly)).rejects.toThrow(
      'job "yearly-national-coverage" has no handler',
    );
  });

  it('refuses a job handled twice, or on another queue', async () => {
    const boot = checkWith(SystemA, Certificates, ReportsMiswired);
    await expect(boot).rejects.toThrow(
      'job "coverage" has 2 handlers (ReportsMiswired.coverage, ReportsMiswired.again)',
    );
    await expect(checkWith(SystemA, Certificates, ReportsMiswired)).rejects.toThrow(
      'job "ping" is handled by ReportsMiswired on queue "reports", not "system"',
    );
  });

  it('the dispatcher runs the handler of the job, and fails for good on an unknown job', async () => {
    const reports = new Reports();
    await expect(reports.process({ name: JobName.Coverage } as never)).resolves.toBeNull();
    await expect(reports.process({ name: 'nope', queueName: 'reports' } as never)).rejects.toThrow(
      'No handler for job "nope" on queue "reports"',
    );
  });

  it('refuses to boot when a queue has two processors', async () => {
    await expect(
      checkWith(SystemA, SystemB, Certificates, Reports, Mail, PriorityMail),
    ).rejects.toThrow('queue "system" has 2 processors (SystemA, SystemB)');
  });

  it('refuses a processor for a queue that QueueName does not list', async () => {
    await expect(
      checkWith(SystemA, Certificates, Reports, Mail, PriorityMail, Stray),
    ).rejects.toThrow('Stray serves "no-such-queue", which is not a QueueName');
  });

  it('accepts exactly one processor per queue', async () => {
    await expect(
      checkWith(SystemA, Certificates, Reports, Mail, PriorityMail, Notifications),
    ).resolves.toBeUndefined();
  });
});
