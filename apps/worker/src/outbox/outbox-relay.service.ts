import { QueueName } from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { relayOutboxBatch } from '@dx/db';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const BATCH = 200;
const IDLE_MS = 500;
const REDIS_TIMEOUT_MS = 5_000;

/**
 * Moves unsent outbox rows to BullMQ. Rows are claimed with SKIP LOCKED, so several
 * workers share the work; a row is marked sent only after Redis accepted its job, and the
 * job id is deterministic, so a crash between the two steps re-adds a job BullMQ already
 * has (a no-op). While Redis is down, rows simply wait.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.relayBatch();
        failures = 0;
      } catch (err) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`Outbox relay waiting (${(err as Error).message})`);
        }
      }
      // A full batch means more may wait: go on at once; otherwise idle (longer after errors).
      if (sent < BATCH)
        await this.sleep(failures ? Math.min(IDLE_MS * 2 ** failures, 10_000) : IDLE_MS);
    }
  }

  /** Relays one batch; returns how many rows were sent. */
  relayBatch(): Promise<number> {
    return relayOutboxBatch(this.db, (name) => this.queue(name), {
      batch: BATCH,
      timeoutMs: REDIS_TIMEOUT_MS,
    });
  }

  private queue(name: string): Queue {
    if (!(Object.values(QueueName) as string[]).includes(name))
      throw new Error(`Outbox names unknown queue ${name}`);
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
