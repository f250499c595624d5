import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * TypeORM `insert([...])` in chunks, to stay far below PostgreSQL's parameter limit (65,535)
 * when a feature writes many rows at once (the demo data set, bulk tools).
 */
export async function insertChunks<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: new () => T,
  rows: QueryDeepPartialEntity<T>[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(entity, rows.slice(i, i + size));
}
