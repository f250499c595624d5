import { JobName } from '@dx/contracts';
import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

const JOB_HANDLERS = Symbol('dx:job-handlers');

export interface JobHandlerEntry {
  job: JobName;
  method: string;
}

/**
 * Marks the method of a processor that runs one job of `JobName`. The worker's boot check
 * (ProcessorCoverageCheck) insists on exactly one handler per job, on its queue's processor.
 */
export function JobHandler(job: JobName): MethodDecorator {
  return (target, key) => {
    const cls = target.constructor;
    // Inherited handlers count too: a subclass's list starts from its parent's.
    const known: JobHandlerEntry[] = Reflect.getMetadata(JOB_HANDLERS, cls) ?? [];
    Reflect.defineMetadata(JOB_HANDLERS, [...known, { job, method: String(key) }], cls);
  };
}

/** The `@JobHandler` methods of a processor class. */
export function jobHandlersOf(cls: object): JobHandlerEntry[] {
  return Reflect.getMetadata(JOB_HANDLERS, cls) ?? [];
}

/**
 * A processor that hands each job to its `@JobHandler` method. A job nobody handles fails
 * for good (UnrecoverableError): retrying it only hides the typo for longer.
 */
export abstract class JobDispatcher extends WorkerHost {
  // The lock token goes to the handler too: one that puts its job back as delayed needs it.
  async process(job: Job, token?: string): Promise<unknown> {
    const entry = jobHandlersOf(this.constructor).find((h) => h.job === job.name);
    if (!entry) {
      throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    const handler = (this as unknown as Record<string, (j: Job, t?: string) => Promise<unknown>>)[
      entry.method
    ];
    return handler.call(this, job, token);
  }
}
