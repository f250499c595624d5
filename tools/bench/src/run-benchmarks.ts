import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchApiLoad } from './api-load.bench';
import { benchCertificates } from './certificates.bench';
import { benchExamDay } from './exam-day.bench';
import { Figure, round } from './figures';
import { benchHotQueries } from './hot-queries.bench';
import { benchLighthouse } from './lighthouse.bench';
import { benchNationalReport } from './national-report.bench';
import { benchReminders } from './reminders.bench';
import { benchOpenLoop } from './open-loop.bench';
import { benchScaleOut } from './scale-out.bench';
import { benchWeb } from './web.bench';

/** `npm run bench`: every benchmark, one line per figure, and docs/benchmarks.md rewritten. */
async function main(): Promise<void> {
  const started = Date.now();
  const sections: [string, () => Promise<Figure[]>][] = [
    ['Certificates', benchCertificates],
    ['National coverage report (3 million people, 10 million certificates)', benchNationalReport],
    ['Hot queries at national scale (EXPLAIN ANALYZE)', benchHotQueries],
    ['API under load (200 connections, loopback)', benchApiLoad],
    ['Open-loop latency (50% of each route\'s maximum, 60 s)', benchOpenLoop],
    ['Exam day (3,000 learners)', benchExamDay],
    ['Horizontal scale (2 API + 2 workers vs 1 + 1)', benchScaleOut],
    ['Web (production build)', benchWeb],
    ['Web pages in Lighthouse (mobile preset)', benchLighthouse],
    ['Reminders and mail (1,000,000 people)', benchReminders],
  ];
  // BENCH_ONLY=api,exam runs the sections whose titles contain those words (while working on
  // one figure); docs/benchmarks.md is only rewritten by a full run.
  const only = (process.env.BENCH_ONLY ?? '').toLowerCase().split(',').filter(Boolean);
  const chosen = only.length
    ? sections.filter(([title]) => only.some((w) => title.toLowerCase().includes(w)))
    : sections;
  const results: [string, Figure[]][] = [];
  for (const [title, run] of chosen) {
    console.log(`\n== ${title}`);
    results.push([title, await run()]);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  const lines = [
    '# Benchmarks',
    '',
    `Run of ${new Date().toISOString()} on ${machine}, with PostgreSQL and Redis on the same machine.`,
    'Produced by `npm run bench`; each run replaces this file.',
    '',
  ];
  for (const [title, figures] of results) {
    lines.push(
      `## ${title}`,
      '',
      '| figure | value | goal | result |',
      '| --- | --- | --- | --- |',
    );
    for (const f of figures) {
      const verdict = f.pass === null ? 'reference' : f.pass ? 'PASS' : 'FAIL';
      lines.push(
        `| ${f.name}${f.note ? ` (${f.note})` : ''} | ${round(f.value)} ${f.unit} | ${f.goal || '—'} | ${verdict} |`,
      );
    }
    lines.push('');
  }
  if (chosen.length === sections.length)
    writeFileSync(join(__dirname, '../../../docs/benchmarks.md'), `${lines.join('\n')}\n`);
  else console.log(lines.join('\n'));
  const failed = results.flatMap(([, f]) => f).filter((f) => f.pass === false).length;
  console.log(
    `\nbench finished in ${Math.round((Date.now() - started) / 1000)} s: ${failed} figure(s) below goal`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
