import type { OrgUnitEntity } from '@dx/db';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** What the demo steps share while the seed transaction runs. */
export interface DemoSeedContext {
  tx: EntityManager;
  /** argon2 hash of DEMO_PASSWORD, computed once for every account. */
  passwordHash: string;
  /** Units by code, filled by the org-units step. */
  units: Map<string, OrgUnitEntity>;
  /** User ids by username, filled by the people step. */
  users: Map<string, string>;
  /** Course ids by code, filled by the courses step. */
  courses?: Map<string, string>;
  /** The demo curriculum, filled by the courses step. */
  curriculumId?: string;
}

/**
 * One part of the demo data set (`demo-<feature>.ts`). Steps run in order in one
 * transaction; a feature adds its own step and appends it in DemoSeedService.
 */
export interface DemoSeedStep {
  readonly name: string;
  run(ctx: DemoSeedContext): Promise<void>;
}

/** TypeORM `insert([...])` in chunks, to stay far below PostgreSQL's parameter limit. */
export async function insertChunks<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: new () => T,
  rows: QueryDeepPartialEntity<T>[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(entity, rows.slice(i, i + size));
}
