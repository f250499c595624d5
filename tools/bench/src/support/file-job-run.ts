import { enqueueJob, type FileJobEntity, type OutboxJob } from '@dx/db';
import { eventually } from '@dx/testing';
import type { DataSource, DeepPartial, EntityTarget } from 'typeorm';
import { Figure, figure } from '../figures';

/**
 * One file job asked for as the API asks for it (its row and its outbox job in one
 * transaction), then watched until its row says completed: the wall time from the commit,
 * and every distinct progress value the API would have answered when polled every `pollMs`.
 */
export async function runFileJob<E extends FileJobEntity>(
  db: DataSource,
  entity: EntityTarget<E>,
  row: DeepPartial<E> & { id: string },
  job: OutboxJob,
  pollMs = 250,
): Promise<{ seconds: number; progressSeen: number[]; row: E }> {
  await db.transaction(async (tx) => {
    await tx.insert(entity, row as never);
    await enqueueJob(tx, job);
  });
  const repo = db.getRepository(entity);
  const read = () => repo.findOneByOrFail({ id: row.id } as never);
  const progressSeen: number[] = [];
  const start = process.hrtime.bigint();
  await eventually(
    async () => {
      const now = await read();
      if (now.state === 'failed') throw new Error(`File job ${row.id} failed: ${now.error}`);
      if (progressSeen[progressSeen.length - 1] !== now.progress) progressSeen.push(now.progress);
      return now.state === 'completed';
    },
    600_000,
    pollMs,
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, progressSeen, row: await read() };
}

/** The progress a person watching the job would have seen move (goal: at least 3 steps). */
export function progressFigure(progressSeen: number[], pollMs = 250): Figure {
  return figure(
    `Distinct progress values seen while it ran (polled every ${pollMs} ms)`,
    progressSeen.length,
    '',
    '≥ 3 between 0 and 100',
    progressSeen.filter((p) => p > 0 && p < 100).length >= 3,
    progressSeen.join(' → '),
  );
}
