import { QueueName } from '@dx/contracts';
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
class SystemA extends IdleHost {}

@Processor(QueueName.System)
class SystemB extends IdleHost {}

@Processor(QueueName.Certificates)
class Certificates extends IdleHost {}

@Processor(QueueName.Reports)
class Reports extends IdleHost {}

@Processor(QueueName.Mail)
class Mail extends IdleHost {}

@Processor('no-such-queue')
class Stray extends IdleHost {}

/** Runs the check over a container holding just these providers (no Redis: workers never start). */
async function checkWith(...processors: (typeof IdleHost)[]): Promise<void> {
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

  it('refuses to boot when a queue has two processors', async () => {
    await expect(checkWith(SystemA, SystemB, Certificates, Reports, Mail)).rejects.toThrow(
      'queue "system" has 2 processors (SystemA, SystemB)',
    );
  });

  it('refuses a processor for a queue that QueueName does not list', async () => {
    await expect(checkWith(SystemA, Certificates, Reports, Mail, Stray)).rejects.toThrow(
      'Stray serves "no-such-queue", which is not a QueueName',
    );
  });

  it('accepts exactly one processor per queue', async () => {
    await expect(checkWith(SystemA, Certificates, Reports, Mail)).resolves.toBeUndefined();
  });
});
