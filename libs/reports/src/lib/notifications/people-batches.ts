import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * The daily reminder run walks everyone in batches of people by id range (one transaction
 * each). Answers the id closing the batch that starts after `lower` (exclusive; null = from
 * the start), or null when the rest fits in one batch. Two index probes on the primary key,
 * however many people there are.
 */
export async function personBatchUpperBound(
  db: Queryable,
  lower: string | null,
  size: number,
): Promise<string | null> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM app_user WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id OFFSET $2 LIMIT 1`,
    [lower, size - 1],
  );
  // The row at offset size-1 closes a full batch; if there is none, the rest is the last.
  if (rows.length === 0) return null;
  const [{ more }] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM app_user WHERE id > $1::uuid) AS more`,
    [rows[0].id],
  );
  return more ? rows[0].id : null;
}
