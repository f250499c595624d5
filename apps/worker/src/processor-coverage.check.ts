import { JOB_QUEUE, JobName, QueueName } from '@dx/contracts';
import { jobHandlersOf } from '@dx/queues';
// Where `@Processor()` stores its options; @nestjs/bullmq does not re-export the key.
import { PROCESSOR_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';

/**
 * Stops the worker at boot when a queue of `QueueName` has no processor (its jobs would
 * wait forever) or two (each job would go to whichever polls first), and when a job of
 * `JobName` has no `@JobHandler`, two, or one on another queue's processor, as immich does.
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
    problems.push(...this.jobProblems());
    if (problems.length > 0) throw new Error(`Worker queues are miswired: ${problems.join('; ')}`);
  }

  /** Each job of JobName handled exactly once, by a processor of its own queue. */
  private jobProblems(): string[] {
    const handlers = new Map<string, string[]>();
    const problems: string[] = [];
    for (const { cls, queue } of this.processors()) {
      for (const { job, method } of jobHandlersOf(cls)) {
        handlers.set(job, [...(handlers.get(job) ?? []), `${cls.name}.${method}`]);
        if (JOB_QUEUE[job] !== queue) {
          problems.push(
            `job "${job}" is handled by ${cls.name} on queue "${queue}", not "${JOB_QUEUE[job]}"`,
          );
        }
      }
    }
    for (const job of Object.values(JobName)) {
      const found = handlers.get(job) ?? [];
      if (found.length === 0) problems.push(`job "${job}" has no handler`);
      if (found.length > 1)
        problems.push(`job "${job}" has ${found.length} handlers (${found.join(', ')})`);
    }
    return problems;
  }

  /** Queue name → names of the `@Processor()` classes serving it. */
  private processorsByQueue(): Map<string, string[]> {
    const served = new Map<string, string[]>();
    for (const { cls, queue } of this.processors()) {
      served.set(queue, [...(served.get(queue) ?? []), cls.name]);
    }
    return served;
  }

  /** Every `@Processor()` class of the container, with its queue. */
  private processors(): { cls: new (...args: never[]) => unknown; queue: string }[] {
    const found: { cls: new (...args: never[]) => unknown; queue: string }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const cls: unknown = wrapper.instance?.constructor;
      if (typeof cls !== 'function') continue;
      const options = this.reflector.get<{ name?: string } | undefined>(PROCESSOR_METADATA, cls);
      if (options)
        found.push({ cls: cls as new (...args: never[]) => unknown, queue: String(options.name) });
    }
    return found;
  }
}
