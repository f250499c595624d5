import { Pool } from 'pg';
import { Figure, figure } from './figures';
import { StatementCapture } from './national/capture';
import { explain } from './national/explain';
import { hotContext } from './national/hot-context';
import { ADMIN_QUERIES } from './national/hot-queries-admin';
import { LEARNER_QUERIES } from './national/hot-queries-learner';
import { ensureNationalDataset } from './national/national-dataset';
import { failSoft } from './support/section';

/**
 * Every hot query of the app on the national data set, EXPLAIN ANALYZEd (inside a rolled
 * back transaction): none may read a table that grows with people or completions by a
 * sequential scan. One line per statement with what it read and how long it took. The
 * statements are the app's own (SQL imported from the libs that own it, or captured from
 * the lib functions the apps call; eslint refuses a TypeORM call written in a hot query),
 * so a changed query is measured as it now is.
 *
 * Not part of `npm test`: on a small data set PostgreSQL rightly prefers sequential scans,
 * so the check only means something at national scale, which takes minutes to build.
 */
export function benchHotQueries(): Promise<Figure[]> {
  return failSoft('Hot queries at national scale', run);
}

async function run(): Promise<Figure[]> {
  const dataset = await ensureNationalDataset();
  const pool = new Pool({ connectionString: dataset.url, max: 2 });
  const capture = new StatementCapture(dataset.url);
  await capture.init();
  try {
    const x = await hotContext(pool);
    let statements = 0;
    let indexed = 0;
    const wholeIndex: string[] = [];
    let slowest = { ms: 0, name: '' };
    const queries = [...LEARNER_QUERIES, ...ADMIN_QUERIES];
    for (const q of queries) {
      const list = await q.statements(x, capture);
      if (list.length === 0) throw new Error(`hot query "${q.name}" sent no statement`);
      for (const [k, s] of list.entries()) {
        const plan = await explain(pool, s.sql, s.params);
        const label = list.length > 1 ? `${q.name} [${k + 1}/${list.length}]` : q.name;
        const ok = plan.seqScans.length === 0;
        if (plan.touchesGrowing) {
          statements++;
          if (ok) indexed++;
        }
        if (plan.executionMs > slowest.ms) slowest = { ms: plan.executionMs, name: label };
        if (plan.fullIndexScans.length)
          wholeIndex.push(`${label}: ${plan.fullIndexScans.join(', ')}`);
        const mark = !plan.touchesGrowing
          ? '·'
          : !ok
            ? '✗'
            : plan.fullIndexScans.length
              ? '!'
              : '✓';
        console.log(
          `  ${mark} ${label}: ${plan.reads.join(', ') || 'no table'} — ${plan.executionMs.toFixed(2)} ms`,
        );
      }
    }
    for (const line of wholeIndex) console.log(`  whole index read: ${line}`);
    return [
      figure(
        'Hot queries using an index on tables that grow (EXPLAIN ANALYZE, national data set)',
        indexed,
        `of ${statements} statements`,
        `${statements}/${statements}`,
        indexed === statements,
        `${queries.length} hot queries; no sequential scan of app_user, membership, enrollment, lesson_completion, quiz_attempt, certificate, certificate_event, outbox, coverage_report_row, audit_log`,
      ),
      figure(
        'Hot statements reading a whole index of a growing table (no index condition, ≥ 100,000 entries)',
        wholeIndex.length,
        'statements',
        '0',
        wholeIndex.length === 0,
        wholeIndex.map((w) => w.split(':')[0]).join('; ') || undefined,
      ),
      figure('Slowest hot statement (reference)', slowest.ms, 'ms', '', null, slowest.name),
    ];
  } finally {
    await capture.close();
    await pool.end();
  }
}
