import {
  certificateJobId,
  CERTIFICATES_QUEUE,
  JobName,
  RequeuePendingCertificatesResult,
} from '@dx/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** A run adds at most this many jobs: a backlog is finished by the next runs. */
const BATCH = 2_000;

/**
 * Redis replicates asynchronously: a job added just before the master dies can be lost
 * while its outbox row is already marked sent, and the certificate would stay `pending` for
 * good. This adds the first-issue job of every certificate pending for too long again, under
 * its deterministic id (`certificateJobId`): BullMQ ignores an add whose id it still holds
 * (waiting, active, delayed or failed), so a live job is never doubled and a job that failed
 * for good stays on the dashboard instead of being retried behind the sysadmins' back.
 */
@Injectable()
export class PendingCertificatesRequeueService {
  private readonly logger = new Logger(PendingCertificatesRequeueService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(CERTIFICATES_QUEUE) private readonly queue: Queue,
  ) {}

  async requeue(olderThanMinutes = 10): Promise<RequeuePendingCertificatesResult> {
    // Oldest first over the partial index idx_certificate_pending.
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM certificate
        WHERE status = 'pending' AND created_at < now() - make_interval(mins => $1)
        ORDER BY created_at LIMIT $2`,
      [olderThanMinutes, BATCH],
    );
    if (rows.length === 0) return { requeued: 0 };
    await this.queue.addBulk(
      rows.map((r) => ({
        name: JobName.IssueCertificate,
        data: { certificateId: r.id },
        opts: { jobId: certificateJobId(r.id) },
      })),
    );
    this.logger.log(
      `Re-queued ${rows.length} certificate(s) pending for > ${olderThanMinutes} min`,
    );
    return { requeued: rows.length };
  }
}
