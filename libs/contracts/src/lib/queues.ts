/** Every BullMQ queue of the system; the worker fails at boot if one has no processor. */
export enum QueueName {
  System = 'system',
  Certificates = 'certificates',
  Reports = 'reports',
  Mail = 'mail',
  Notifications = 'notifications',
}

export const CERTIFICATES_QUEUE = QueueName.Certificates;

export enum CertificateJob {
  /** Allocate serial, render and store the PDF, mark issued. Job id = certificate id. */
  Issue = 'issue',
}

export interface IssueCertificateJobData {
  certificateId: string;
}

export enum SystemJob {
  /** Round trip through Redis and the worker, used by diagnostics and tests. */
  Ping = 'ping',
}

export interface PingJobData {
  requestedBy: string;
  requestedAt: string;
}

export interface PingJobResult {
  pong: true;
  worker: string;
  processedAt: string;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed';

/** `GET /api/system/queues`: the state of every queue, for the sysadmins' dashboard. */
export interface QueueOverview {
  name: QueueName;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  workers: number;
  paused: boolean;
}

export interface QueuesDashboard {
  queues: QueueOverview[];
  /** Outbox rows not yet handed to Redis, and the age of the oldest, in seconds. */
  outbox: { unsent: number; oldestSeconds: number | null };
}

export interface QueueJobView {
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  data: unknown;
}
