import { JOB_QUEUE, JobName } from '@dx/contracts';
import { Queue, QueueEvents } from 'bullmq';
import type { BenchEnvironment } from './environment';

/**
 * Runs one job in the environment's BUILT worker process (started with `env.startWorker`),
 * as the worker's own schedule would enqueue it, and waits for its result. `seconds` is the
 * worker's own processing time (BullMQ's processedOn → finishedOn), not the queue wait.
 */
export async function runWorkerJob<T>(
  env: BenchEnvironment,
  name: JobName,
  data: object,
  timeoutMs = 1_800_000,
): Promise<{ result: T; seconds: number }> {
  const opts = {
    connection: { url: env.redisUrl, maxRetriesPerRequest: null },
    prefix: env.prefix,
  };
  const queueName = JOB_QUEUE[name];
  const queue = new Queue(queueName, opts);
  const events = new QueueEvents(queueName, opts);
  try {
    await events.waitUntilReady();
    const job = await queue.add(name, data, { removeOnComplete: false, removeOnFail: false });
    const result = (await job.waitUntilFinished(events, timeoutMs)) as T;
    const done = await queue.getJob(job.id as string);
    const seconds = ((done?.finishedOn ?? 0) - (done?.processedOn ?? 0)) / 1000;
    return { result, seconds };
  } finally {
    await events.close();
    await queue.close();
  }
}
