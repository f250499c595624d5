import {
  ActivationSlipBatchEntity,
  CertificateExportEntity,
  FileJobEntity,
  FileJobKind,
  PeopleExportEntity,
} from '@dx/db';
import type { DataSource } from 'typeorm';
import { FileReadyNotifier } from './file-ready-notice';

/*
 * The file-jobs feature owns `file_job`: the worker's makers of each kind (slips,
 * certificate export, people export) read their request and record its life through
 * these functions, never through the table, so every kind moves through the same states.
 */

const ENTITY_OF = {
  activation_slips: ActivationSlipBatchEntity,
  certificate_export: CertificateExportEntity,
  people_export: PeopleExportEntity,
} as const satisfies Record<FileJobKind, typeof FileJobEntity>;

/** The request of one kind of file job, as its maker reads it. */
export type FileJobRow<K extends FileJobKind> = InstanceType<(typeof ENTITY_OF)[K]>;

/** A job whose row is gone (its requester was erased) or whose files are already made. */
export type FileJobSkip = 'missing' | 'already-done';

/**
 * Starts (or restarts, on a retry) the job `id`: its row, now `active` with progress and
 * error cleared, or why there is nothing to make. `extra(row)` is written in the same
 * update (e.g. the expiry of the activation codes the job is about to issue).
 */
export async function startFileJob<K extends FileJobKind>(
  db: DataSource,
  kind: K,
  id: string,
  extra: (row: FileJobRow<K>) => Partial<FileJobRow<K>> = () => ({}),
): Promise<FileJobRow<K> | FileJobSkip> {
  const row = (await db.getRepository(ENTITY_OF[kind]).findOneBy({ id })) as FileJobRow<K> | null;
  if (!row) return 'missing';
  if (row.state === 'completed') return 'already-done';
  const started = { state: 'active', progress: 0, done: 0, error: null, ...extra(row) } as const;
  await db.getRepository(ENTITY_OF[kind]).update({ id }, started as never);
  return Object.assign(row, started);
}

/** What a finished job records besides its state (the files it stored and their rows). */
export type FileJobResult<K extends FileJobKind> = Partial<FileJobRow<K>> & {
  count: number;
  filesExpireAt: Date;
};

/**
 * The job's files are stored: it is `completed` at 100% and counts toward retention, and
 * whoever asked gets the `export-ready` notice (inbox, and mail unless muted) in the same
 * transaction, keyed by the job, so a retried completion neither loses nor repeats it.
 */
export async function completeFileJob<K extends FileJobKind>(
  db: DataSource,
  kind: K,
  row: FileJobRow<K>,
  result: FileJobResult<K>,
  fileReady: FileReadyNotifier,
): Promise<void> {
  const completed = { state: 'completed', progress: 100, finishedAt: new Date(), ...result };
  await db.transaction(async (tx) => {
    await tx.getRepository(ENTITY_OF[kind]).update({ id: row.id }, completed as never);
    if (!row.requestedBy) return;
    await fileReady.tell(tx, kind, row.requestedBy, {
      ...row,
      count: result.count,
      filesExpireAt: result.filesExpireAt,
    });
  });
}

/** The job failed for good: the API answers `failed` with the reason (first 1,000 chars). */
export async function failFileJob(db: DataSource, id: string, error: string): Promise<void> {
  await db
    .getRepository(FileJobEntity)
    .update({ id }, { state: 'failed', error: error.slice(0, 1000), finishedAt: new Date() });
}
