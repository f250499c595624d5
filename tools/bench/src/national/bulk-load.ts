import type { Client } from 'pg';

/** A schema object removed for the load and put back afterwards, by its own definition. */
interface Deferred {
  table: string;
  name: string;
  /** Statement that re-creates it exactly as the migrations made it. */
  create: string;
}

export interface DeferredSchema {
  keysAndIndexes: Deferred[];
  foreignKeys: Deferred[];
}

/**
 * Every index and constraint of the public schema, as text: compared before and after a
 * load to prove the data set ends with exactly the schema the migrations define.
 */
export async function schemaFingerprint(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT tablename || ' ' || indexname || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid=' || convalidated
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}

/**
 * Drops the primary keys and indexes of `tables`, and the foreign keys that point at those
 * tables (they depend on the primary keys), so rows go in without index maintenance.
 * Foreign keys from these tables to others stay; the loading sessions run with
 * `session_replication_role = replica`, which skips their checks (rows are generated
 * consistent; the keys dropped here are validated again when re-created).
 */
export async function dropForLoad(client: Client, tables: string[]): Promise<DeferredSchema> {
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND confrelid::regclass::text = ANY($1)`,
    [tables],
  );
  const { rows: pks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  const { rows: idx } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT tablename AS tbl, indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1)
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
    [tables],
  );
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const pk of pks) await client.query(`ALTER TABLE ${pk.tbl} DROP CONSTRAINT "${pk.name}"`);
  for (const i of idx) await client.query(`DROP INDEX "${i.name}"`);
  const constraint = (r: { tbl: string; name: string; def: string }): Deferred => ({
    table: r.tbl,
    name: r.name,
    create: `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`,
  });
  return {
    keysAndIndexes: [
      ...pks.map(constraint),
      ...idx.map((r) => ({ table: r.tbl, name: r.name, create: r.def })),
    ],
    foreignKeys: fks.map(constraint),
  };
}

/** Re-creates what dropForLoad removed: keys and indexes first, then the foreign keys. */
export async function restoreAfterLoad(
  clients: Client[],
  deferred: DeferredSchema,
  sizeOf: (table: string) => number,
): Promise<void> {
  const bigFirst = (xs: Deferred[]) => [...xs].sort((a, b) => sizeOf(b.table) - sizeOf(a.table));
  await runQueue(
    clients,
    bigFirst(deferred.keysAndIndexes).map((d) => (c: Client) => c.query(d.create)),
  );
  await runQueue(
    clients,
    bigFirst(deferred.foreignKeys).map((d) => (c: Client) => c.query(d.create)),
  );
}

/** Runs tasks on the given sessions, each session taking the next task when free. */
export async function runQueue(
  clients: Client[],
  tasks: ((c: Client) => Promise<unknown>)[],
): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    clients.map(async (client) => {
      for (let task = queue.shift(); task; task = queue.shift()) await task(client);
    }),
  );
}
