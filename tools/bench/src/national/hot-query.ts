import type { Statement, StatementCapture } from './capture';
import type { HotContext } from './hot-context';

/**
 * A query of the app that runs often and touches data that grows with people or
 * completions, with realistic parameters from the national data set.
 */
export interface HotQuery {
  name: string;
  /** The app file the statements come from. */
  source: string;
  /**
   * Text that must still be in that file (whitespace aside): the copied SQL, or the
   * repository call that is replayed. A mismatch means the copy is stale.
   */
  mustMatch: string[];
  /** The statements as the app sends them: copied SQL, or captured from the app's own calls. */
  statements: (x: HotContext, capture: StatementCapture) => Statement[] | Promise<Statement[]>;
}

/** A hot query whose SQL the app writes out literally: copied verbatim, checked against the source. */
export function sqlQuery(
  name: string,
  source: string,
  sql: string,
  params: (x: HotContext) => unknown[],
): HotQuery {
  return { name, source, mustMatch: [sql], statements: (x) => [{ sql, params: params(x) }] };
}
