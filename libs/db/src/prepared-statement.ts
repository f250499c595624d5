import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { EntityManager, QueryFailedError } from 'typeorm';

/** A hot statement and the name it is prepared under (one name, one text). */
export interface Statement {
  name: string;
  text: string;
}

/**
 * A hot statement as a named prepared statement on the pooled connection: PostgreSQL parses
 * and plans it once per connection instead of on every request (planning the short reads
 * of the hot paths costs about as much as running them). Runs in the manager's transaction
 * when it has one; errors come out as TypeORM's, like `query()`'s.
 */
export async function runPrepared<T extends QueryResultRow>(
  manager: EntityManager,
  statement: Statement,
  values: unknown[],
): Promise<QueryResult<T>> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    try {
      return await client.query<T>({ ...statement, values });
    } catch (e) {
      throw new QueryFailedError(statement.text, values, e as Error);
    }
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
