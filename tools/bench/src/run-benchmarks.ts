import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchCertificates } from './certificates.bench';
import { Figure, round } from './figures';

/** `npm run bench`: every benchmark, one line per figure, and docs/benchmarks.md rewritten. */
async function main(): Promise<void> {
  const started = Date.now();
  const sections: [string, () => Promise<Figure[]>][] = [['Certificates', benchCertificates]];
  const results: [string, Figure[]][] = [];
  for (const [title, run] of sections) {
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
  writeFileSync(join(__dirname, '../../../docs/benchmarks.md'), `${lines.join('\n')}\n`);
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
