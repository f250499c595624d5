import type { DataSource, EntityTarget } from 'typeorm';

/** A row as `SELECT *` returns it. */
export type Row = Record<string, unknown>;

/**
 * Helpers of the specs proving that a copy keeps every column (draft copies of course content):
 * the source rows are filled in every column, then compared with the copies.
 */

/** Columns of the entity's table, from TypeORM's metadata (as the copy reads them). */
export const columnsOf = (db: DataSource, entity: EntityTarget<object>): string[] =>
  [...new Set(db.getMetadata(entity).columns.map((c) => c.databaseName))].sort();

/**
 * Source columns left null (`table.column`), except those null by rule: none may be, or the
 * spec would not see them survive the copy.
 */
export const unfilledColumns = (table: string, rows: Row[], nullByRule: string[] = []): string[] =>
  rows.flatMap((r) =>
    Object.keys(r)
      .filter((c) => r[c] === null && !nullByRule.includes(c))
      .map((c) => `${table}.${c}`),
  );

/** The row without its id and the links a copy points at the new parents. */
export const ownColumns = (row: Row, links: string[]): Row =>
  Object.fromEntries(Object.entries(row).filter(([c]) => c !== 'id' && !links.includes(c)));
