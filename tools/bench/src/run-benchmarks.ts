import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchActivationSlips } from './activation-slips.bench';
import { benchApiLoad } from './api-load.bench';
import { benchCertificateExport, benchCertificates } from './certificates.bench';
import { benchPeopleExport } from './people-export.bench';
import { benchExamDay } from './exam-day.bench';
import { Figure, round } from './figures';
import { benchHotQueries } from './hot-queries.bench';
import { benchLighthouse } from './lighthouse.bench';
import { benchNationalReport } from './national-report.bench';
import { benchReminders } from './reminders.bench';
import { benchPooler } from './pooler.bench';
import { benchReplica } from './replica.bench';
import { benchScaleOut } from './scale-out.bench';
import { benchWeb } from './web.bench';

/** `npm run bench`: every benchmark, one line per figure, and docs/benchmarks.md rewritten. */
async function main(): Promise<void> {
  const started = Date.now();
  // Each section has a key: BENCH_ONLY=api,exam runs those sections only (while working on one
  // figure). Keys match exactly: matching words of titles ran the national section (and its
  // data set build) for "certificates". docs/benchmarks.md is only rewritten by a full run.
  const sections: [string, string, () => Promise<Figure[]>][] = [
    ['certificates', 'Certificates', benchCertificates],
    ['export', 'Certificate export (ZIP of 10,000 PDFs)', benchCertificateExport],
    ['slips', 'Activation slips (a unit of 60,000 people)', benchActivationSlips],
    [
      'people-export',
      'People export of a province (60,000 people) as a worker job',
      benchPeopleExport,
    ],
    [
      'national',
      'National coverage report (3 million people, 10 million certificates)',
      benchNationalReport,
    ],
    ['hot-queries', 'Hot queries at national scale (EXPLAIN ANALYZE)', benchHotQueries],
    [
      'api',
      "API under load: each route's maximum at 200 connections, then 50% of it open-loop for 60 s",
      benchApiLoad,
    ],
    ['exam', 'Exam day (3,000 learners)', benchExamDay],
    ['scale-out', 'Horizontal scale (2 API + 2 workers vs 1 + 1)', benchScaleOut],
    ['web', 'Web (production build)', benchWeb],
    ['lighthouse', 'Web pages in Lighthouse (mobile preset)', benchLighthouse],
    ['reminders', 'Reminders and mail (1,000,000 people)', benchReminders],
    [
      'pooler',
      'Connection pooler (8 API processes, PgBouncer with 60 server connections)',
      benchPooler,
    ],
    [
      'replica',
      'Read replica (streaming standby, people page on the replica vs the primary)',
      benchReplica,
    ],
  ];
  const only = (process.env.BENCH_ONLY ?? '').toLowerCase().split(',').filter(Boolean);
  const unknown = only.filter((key) => !sections.some(([k]) => k === key));
  if (unknown.length)
    throw new Error(
      `BENCH_ONLY: unknown section ${unknown.join(', ')} (sections: ${sections.map(([k]) => k).join(', ')})`,
    );
  const chosen = only.length ? sections.filter(([key]) => only.includes(key)) : sections;
  // Each section's wall time is printed and kept: the whole run must stay under 20 minutes
  // on the 2-core machine (issue 20), and this is where to look when it does not.
  const results: [string, Figure[], number][] = [];
  for (const [key, title, run] of chosen) {
    console.log(`\n== ${title}`);
    const sectionStart = Date.now();
    const figures = await run();
    const seconds = (Date.now() - sectionStart) / 1000;
    console.log(`-- section ${key} took ${Math.round(seconds)} s`);
    results.push([title, figures, seconds]);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  const lines = [
    '# Benchmarks',
    '',
    `Run of ${new Date().toISOString()} on ${machine}, with PostgreSQL and Redis on the same machine.`,
    'Produced by `npm run bench`; each run replaces this file.',
    '',
  ];
  for (const [title, figures, seconds] of results) {
    lines.push(
      `## ${title}`,
      '',
      `Section took ${Math.round(seconds)} s.`,
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
  const total = Math.round((Date.now() - started) / 1000);
  lines.push(
    '## Duration of the run',
    '',
    '| section | seconds |',
    '| --- | --- |',
    ...results.map(([title, , seconds]) => `| ${title} | ${Math.round(seconds)} |`),
    `| whole run (goal < 1,200 s) | ${total} |`,
    '',
  );
  if (chosen.length === sections.length)
    writeFileSync(join(__dirname, '../../../docs/benchmarks.md'), `${lines.join('\n')}\n`);
  else console.log(lines.join('\n'));
  const failed = results.flatMap(([, f]) => f).filter((f) => f.pass === false).length;
  console.log(`\nbench finished in ${total} s: ${failed} figure(s) below goal`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
