import type { EntityManager, EntityTarget } from 'typeorm';

/**
 * `INSERT INTO <table> (every column but a generated id) SELECT <alias>.<column>… <from>`,
 * the columns read from the entity's TypeORM metadata, so a column added to the entity is
 * copied without a change to the caller (a hand-written list would drop it silently).
 * `replaced` columns take an expression instead (a new parent's id, the target version).
 */
export function insertSelectSql(
  m: EntityManager,
  entity: EntityTarget<object>,
  alias: string,
  replaced: Record<string, string>,
  from: string,
): string {
  const meta = m.connection.getMetadata(entity);
  const columns = [
    ...new Set(
      meta.columns.filter((c) => !(c.isPrimary && c.isGenerated)).map((c) => c.databaseName),
    ),
  ];
  const unknown = Object.keys(replaced).filter((c) => !columns.includes(c));
  if (unknown.length) throw new Error(`${meta.tableName} has no column ${unknown.join(', ')}`);
  const quoted = (c: string) => `"${c}"`;
  return `INSERT INTO ${meta.tableName} (${columns.map(quoted).join(', ')})
   SELECT ${columns.map((c) => replaced[c] ?? `${alias}.${quoted(c)}`).join(', ')}
     ${from}`;
}
