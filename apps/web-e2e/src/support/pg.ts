// The `pg` driver is installed but @types/pg is not; this is the little of it we use.
export interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

interface PgModule {
  Client: new (config: { connectionString: string }) => PgClient;
}

const pg = require('pg') as PgModule;

/** Runs statements on the maintenance connection (CREATE/DROP DATABASE cannot run in a tx). */
export async function runAdminSql(
  connectionString: string,
  ...statements: string[]
): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `DATABASE_URL` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
