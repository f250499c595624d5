import type { EntityManager } from 'typeorm';

/** Ordered children and the column naming their parent. Table names are ours, never input. */
const PARENT = {
  course_module: 'course_version_id',
  lesson: 'module_id',
  question: 'quiz_id',
} as const;
export type OrderedTable = keyof typeof PARENT;

export async function nextPosition(
  tx: EntityManager,
  table: OrderedTable,
  parentId: string,
): Promise<number> {
  const [row] = await tx.query(
    `SELECT COALESCE(max(position), 0) + 1 AS next FROM ${table} WHERE ${PARENT[table]} = $1`,
    [parentId],
  );
  return Number(row.next);
}

/**
 * Numbers a parent's children 1..n in their current order, optionally moving one of them
 * to `move.position` first (clamped to the end). One UPDATE, whatever the count.
 */
export async function renumber(
  tx: EntityManager,
  table: OrderedTable,
  parentId: string,
  move?: { id: string; position: number },
): Promise<void> {
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM ${table} WHERE ${PARENT[table]} = $1 ORDER BY position, id`,
    [parentId],
  );
  const ids = rows.map((r) => r.id);
  if (move) {
    const from = ids.indexOf(move.id);
    if (from >= 0) {
      ids.splice(from, 1);
      ids.splice(Math.min(move.position - 1, ids.length), 0, move.id);
    }
  }
  await tx.query(
    `UPDATE ${table} t SET position = v.ord
       FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, ord)
      WHERE t.id = v.id AND t.position <> v.ord`,
    [ids],
  );
}
