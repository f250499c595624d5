import { QueueName } from '@dx/contracts';
// Where `@Processor()` stores its options; @nestjs/bullmq does not re-export the key.
import { PROCESSOR_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';

/**
 * Stops the worker at boot when a queue of `QueueName` has no processor (its jobs would
 * wait forever) or two (each job would go to whichever polls first), as immich does.
 */
@Injectable()
export class ProcessorCoverageCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const queues: string[] = Object.values(QueueName);
    const served = this.processorsByQueue();
    const problems: string[] = [];
    for (const queue of queues) {
      const processors = served.get(queue) ?? [];
      if (processors.length === 0) problems.push(`queue "${queue}" has no processor`);
      if (processors.length > 1) {
        problems.push(
          `queue "${queue}" has ${processors.length} processors (${processors.join(', ')})`,
        );
      }
    }
    for (const [queue, processors] of served) {
      if (!queues.includes(queue))
        problems.push(`${processors.join(', ')} serves "${queue}", which is not a QueueName`);
    }
    if (problems.length > 0) throw new Error(`Worker queues are miswired: ${problems.join('; ')}`);
  }

  /** Queue name → names of the `@Processor()` classes serving it. */
  private processorsByQueue(): Map<string, string[]> {
    const served = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const cls: unknown = wrapper.instance?.constructor;
      if (typeof cls !== 'function') continue;
      const options = this.reflector.get<{ name?: string } | undefined>(PROCESSOR_METADATA, cls);
      if (!options) continue;
      const queue = String(options.name);
      served.set(queue, [...(served.get(queue) ?? []), cls.name]);
    }
    return served;
  }
}
