import type { Statement, StatementCapture } from './capture';
import type { HotContext } from './hot-context';

/**
 * A query of the app that runs often and touches data that grows with people or
 * completions, with realistic parameters from the national data set. The statements are
 * the app's own: SQL text imported from the lib that owns it (@dx/db, @dx/reports), or what
 * a lib function that the apps call sends, captured. Nothing is copied, so nothing goes stale.
 */
export interface HotQuery {
  name: string;
  /** The statements as the app sends them. */
  statements: (x: HotContext, capture: StatementCapture) => Statement[] | Promise<Statement[]>;
}

/** A hot query that is one SQL text of the app (imported, never copied) with its parameters. */
export function sqlQuery(
  name: string,
  sql: string,
  params: (x: HotContext) => unknown[],
): HotQuery {
  return { name, statements: (x) => [{ sql, params: params(x) }] };
}
