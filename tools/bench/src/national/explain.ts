import type { Pool } from 'pg';

/** Tables whose size follows the number of people or of completions. */
export const GROWING_TABLES = [
  'app_user',
  'membership',
  'enrollment',
  'lesson_completion',
  'quiz_attempt',
  'certificate',
  'certificate_event',
  'outbox',
  'coverage_report_row',
  'audit_log',
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/**
 * An index walked from end to end without a condition is a full scan in disguise; below
 * this many entries it is an ORDER BY … LIMIT reading a page's worth, which is fine.
 */
const FULL_INDEX_SCAN_ROWS = 100_000;

export interface PlanSummary {
  /** Growing tables read by a sequential scan (the defect this check looks for). */
  seqScans: string[];
  /** Growing tables whose index was read whole (no index condition, ≥ 100,000 entries). */
  fullIndexScans: string[];
  /** Every relation read, with how: `certificate (uq_certificate_serial)`, `course (seq)`. */
  reads: string[];
  /** Whether any growing table is read at all. */
  touchesGrowing: boolean;
  executionMs: number;
  plan: unknown;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/**
 * EXPLAIN ANALYZE of one statement inside a transaction that is rolled back, so writes
 * (UPDATE, INSERT) are planned and run on the real data and leave nothing behind.
 */
export async function explain(pool: Pool, sql: string, params: unknown[]): Promise<PlanSummary> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    await client.query('ROLLBACK');
    const root = rows[0]['QUERY PLAN'][0];
    const reads: string[] = [];
    const seqScans: string[] = [];
    const fullIndexScans: string[] = [];
    let touchesGrowing = false;
    walk(root.Plan as PlanNode, (n) => {
      const rel = n['Relation Name'];
      if (!rel) return;
      const growing = GROWING_TABLES.includes(rel);
      touchesGrowing ||= growing;
      const type = n['Node Type'];
      if (type === 'Seq Scan') {
        reads.push(`${rel} (seq scan)`);
        if (growing) seqScans.push(rel);
      } else if (type === 'Bitmap Heap Scan') {
        // The table is named here, the indexes by the bitmap index scans below it.
        const indexes: string[] = [];
        walk(n, (c) => {
          if (c['Node Type'] === 'Bitmap Index Scan' && c['Index Name'])
            indexes.push(c['Index Name']);
        });
        reads.push(`${rel} (bitmap: ${[...new Set(indexes)].join(', ')})`);
      } else if (n['Index Name']) {
        const only = type === 'Index Only Scan' ? ', index only' : '';
        reads.push(`${rel} (${n['Index Name']}${only})`);
        const entries = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
        if (growing && !n['Index Cond'] && entries >= FULL_INDEX_SCAN_ROWS) {
          fullIndexScans.push(`${rel} (${n['Index Name']}, ${entries} entries)`);
        }
      } else if (!['ModifyTable', 'LockRows'].includes(type)) {
        reads.push(`${rel} (${type.toLowerCase()})`);
      }
    });
    return {
      seqScans,
      fullIndexScans,
      reads: [...new Set(reads)],
      touchesGrowing,
      executionMs: root['Execution Time'],
      plan: root.Plan,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
