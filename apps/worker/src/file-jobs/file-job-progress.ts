import { FileJobEntity } from '@dx/db';
import type { DataSource } from 'typeorm';

/**
 * Progress is written at most this often: one small UPDATE, so four a second cost nothing,
 * and a job of a few seconds (a province's people export took 2.5 s) still shows it moving.
 */
const PROGRESS_EVERY_MS = 250;

/**
 * Progress of one file job as the worker makes it: rows done / total on the row (what the
 * API answers from) and 0–100 on the BullMQ job, at most four times a second. 99 at most: 100
 * means the files are stored.
 */
export class FileJobProgress {
  private done = 0;
  private total = 0;
  private last = 0;

  constructor(
    private readonly db: DataSource,
    private readonly id: string,
    private readonly report: (progress: number) => Promise<void>,
  ) {}

  async setTotal(total: number): Promise<void> {
    this.total = total;
    await this.db.getRepository(FileJobEntity).update({ id: this.id }, { total, done: 0 });
  }

  readonly add = async (rows: number): Promise<void> => {
    this.done += rows;
    if (Date.now() - this.last < PROGRESS_EVERY_MS) return;
    this.last = Date.now();
    const progress = Math.min(99, Math.floor((this.done / Math.max(this.total, 1)) * 100));
    await this.db
      .getRepository(FileJobEntity)
      .update({ id: this.id }, { progress, done: this.done });
    await this.report(progress);
  };

  get rows(): number {
    return this.done;
  }
}

/** When files finished now are deleted by the retention job. */
export function filesExpireAt(retentionDays: number, from = new Date()): Date {
  return new Date(from.getTime() + retentionDays * 86_400_000);
}
