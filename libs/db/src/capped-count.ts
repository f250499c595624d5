/**
 * How far past the page a long list is counted. An exact total reads an index entry per
 * matching row — the whole audit log, a province's 166,000 certificates, a sysadmin's 10
 * million (seconds at national scale) — where a page needs 20; past this many, the total
 * says "at least" instead (CappedPaginated), and counting takes milliseconds.
 */
export const COUNT_LIMIT = 10_000;

/** The statement counting `rowsSql` (a SELECT without LIMIT) up to one row past `limit`. */
export const cappedCountSql = (rowsSql: string, limit: number) =>
  `SELECT count(*)::int AS counted FROM (${rowsSql} LIMIT ${limit + 1}) capped`;
