import { QueueJobView, QueueName, QueuesDashboard } from '@dx/contracts';
import { OUTBOX_BACKLOG_SQL } from '@dx/db';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const REDIS_TIMEOUT_MS = 3_000;

/**
 * What the queues are doing, read from BullMQ (any API process sees the same), plus the
 * outbox backlog from PostgreSQL: rows waiting there mean Redis or the worker is away.
 */
@Injectable()
export class QueuesDashboardService {
  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async overview(): Promise<QueuesDashboard> {
    const queues = await redis(
      Promise.all(
        Object.values(QueueName).map(async (name) => {
          const q = this.queue(name);
          const [counts, workers, paused] = await Promise.all([
            q.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
            q.getWorkersCount(),
            q.isPaused(),
          ]);
          return {
            name,
            counts: {
              waiting: counts.waiting ?? 0,
              active: counts.active ?? 0,
              delayed: counts.delayed ?? 0,
              completed: counts.completed ?? 0,
              failed: counts.failed ?? 0,
            },
            workers,
            paused,
          };
        }),
      ),
    );
    const [outbox] = await this.db.query(OUTBOX_BACKLOG_SQL);
    return { queues, outbox };
  }

  async jobs(
    name: QueueName,
    state: 'failed' | 'waiting' | 'active' | 'delayed' | 'completed',
    start: number,
    count: number,
  ): Promise<QueueJobView[]> {
    const jobs = await redis(this.queue(name).getJobs([state], start, start + count - 1));
    return jobs.filter(Boolean).map((job) => view(job, state));
  }

  /** Puts a failed job back in the queue (after the cause was fixed). */
  async retry(name: QueueName, jobId: string): Promise<void> {
    const job = await redis(this.queue(name).getJob(jobId));
    if (!job || !(await job.isFailed())) throw new NotFoundException('No failed job with that id');
    await redis(job.retry());
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function view(job: Job, state: string): QueueJobView {
  return {
    id: String(job.id),
    name: job.name,
    state,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? null,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    // Job payloads hold ids only (certificate, report): nothing personal to hide here.
    data: job.data,
  };
}

/** Redis calls answer within a bound: the dashboard says "unavailable" instead of hanging. */
async function redis<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new ServiceUnavailableException('The queues (Redis) do not answer right now')),
          REDIS_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
