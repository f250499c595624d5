import { calendarDate, certificateExportJobId, CERTIFICATES_QUEUE, JobName } from '@dx/contracts';
import { buildDataSourceOptions, CertificateEntity, CertificateExportEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
import { Figure, figure } from './figures';
import { BenchEnvironment } from './support/environment';
import { runFileJob } from './support/file-job-run';
import {
  cpuMsPerItem,
  issueThroughWorker,
  median,
  perSecond,
  RawSignedPdfLoop,
  Round,
  sumRounds,
} from './support/certificate-rounds';
import { memoryMiB } from './support/processes';
import { machineLoad } from './support/section';

// BENCH_CERTIFICATES_N: a smaller run to check the section on a shared machine.
const N = Number(process.env.BENCH_CERTIFICATES_N ?? 300);
// BENCH_CERTIFICATES_ROUNDS: N is measured in this many rounds of each loop, alternated.
const ROUNDS = Number(process.env.BENCH_CERTIFICATES_ROUNDS ?? 6);
// BENCH_EXPORT_N: certificates in the ZIP export (the goal is stated for 10,000).
const EXPORT_N = Number(process.env.BENCH_EXPORT_N ?? 10_000);

/**
 * Certificates per second through the whole pipeline in ONE built worker process (outbox
 * relay → BullMQ → serial allocation → signature → PDF → PAdES signature → storage → issued),
 * against a raw loop of the same page in this process: pdfkit rendering plus the @signpdf
 * signature (RawSignedPdfLoop).
 *
 * The two are measured in alternating short rounds (the raw loop first in even rounds, the
 * pipeline first in odd ones), and the ratio is the median of the rounds' own ratios: a
 * machine whose speed drifts (other work on a shared host) moves both sides of a round
 * alike, where one long run of each, minutes apart, moved the ratio by as much as the drift.
 */
export async function benchCertificates(): Promise<Figure[]> {
  const load = machineLoad();
  const raw = await RawSignedPdfLoop.warm();
  const env = await BenchEnvironment.create('cert');
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
  ).initialize();
  try {
    const pid = await env.startWorker();
    // Warm-up: fonts, JIT and the signing identity of the worker, as the raw loop warms up.
    await issueThroughWorker(db, pid, 5);
    const size = Math.ceil(N / ROUNDS);
    const rounds: { raw: Round; pipeline: Round }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const count = Math.min(size, N - r * size);
      if (count <= 0) break;
      if (r % 2 === 0) {
        const rawRound = await raw.run(count);
        rounds.push({ raw: rawRound, pipeline: await issueThroughWorker(db, pid, count) });
      } else {
        const pipeline = await issueThroughWorker(db, pid, count);
        rounds.push({ raw: await raw.run(count), pipeline });
      }
    }
    return certificateFigures(load, rounds);
  } finally {
    await db.destroy();
    await env.close();
  }
}

function certificateFigures(load: Figure, rounds: { raw: Round; pipeline: Round }[]): Figure[] {
  const raw = sumRounds(rounds.map((r) => r.raw));
  const pipeline = sumRounds(rounds.map((r) => r.pipeline));
  const ratios = rounds.map((r) => perSecond(r.pipeline) / perSecond(r.raw));
  const cpuRatios = rounds.map((r) => cpuMsPerItem(r.pipeline) / cpuMsPerItem(r.raw));
  const ratio = median(ratios);
  const spread = (values: number[]) =>
    `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  return [
    load,
    figure('Raw pdfkit + @signpdf signed certificate loop (reference)', perSecond(raw), 'PDF/s'),
    figure(
      'Signed (PAdES) certificates issued per second, one worker process',
      perSecond(pipeline),
      'cert/s',
    ),
    figure(
      'Signed worker pipeline / raw pdfkit + @signpdf loop',
      ratio,
      '×',
      '≥ 0.7',
      ratio >= 0.7,
      `${pipeline.count} certificates; median of ${rounds.length} interleaved rounds of ` +
        `${rounds[0]?.pipeline.count} each: ${ratios.map((x) => x.toFixed(2)).join(', ')} ` +
        `(spread ${spread(ratios)}; raw loop ${spread(rounds.map((r) => perSecond(r.raw)))} PDF/s)`,
    ),
    // CPU per item is less sensitive than the rates to other load on the machine.
    figure('CPU time of the raw loop per signed PDF (reference)', cpuMsPerItem(raw), 'ms'),
    figure(
      'CPU time of the worker process per issued certificate',
      cpuMsPerItem(pipeline),
      'ms',
      '',
      null,
      `${(cpuMsPerItem(pipeline) / cpuMsPerItem(raw)).toFixed(2)} × the raw loop's; ` +
        `per round ${cpuRatios.map((x) => x.toFixed(2)).join(', ')}`,
    ),
  ];
}

/**
 * The ZIP export on its own, run by the BUILT worker as its own process (as production runs
 * it) on a database of its own, so the memory figure is that worker's peak (VmHWM from
 * /proc: boot + one issued certificate + the export), not the bench process's.
 */
export async function benchCertificateExport(): Promise<Figure[]> {
  const env = await BenchEnvironment.create('export');
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
  ).initialize();
  try {
    const pid = await env.startWorker();
    const { certificates } = await requestCertificates(db, 1);
    await eventually(
      async () =>
        (await db.getRepository(CertificateEntity).findOneByOrFail({ id: certificates[0].id }))
          .pdfKey !== null,
      120_000,
    );
    const before = memoryMiB(pid);
    const zip = await benchZipExport(db, env.storageDir, 'Asia/Ho_Chi_Minh', certificates[0].id);
    const after = memoryMiB(pid);
    return [
      figure(
        `ZIP export of ${EXPORT_N.toLocaleString('en')} certificate PDFs by the worker`,
        zip.seconds,
        's',
        '< 60',
        zip.seconds < 60,
        `${Math.round(zip.bytes / 2 ** 20)} MiB archive`,
      ),
      figure(
        'Peak memory (VmHWM) of the worker process, its own process, through that export',
        after.peak,
        'MiB',
        '< 300',
        after.peak < 300,
        `${Math.round(before.rss)} MiB resident when the export was asked for`,
      ),
    ];
  } finally {
    await db.destroy();
    await env.close();
  }
}

/**
 * A unit with EXPORT_N issued certificates, each with its PDF in storage (hard links to one
 * real signed certificate PDF: the worker reads EXPORT_N files, the disk holds one), then
 * the real export job (outbox → BullMQ → worker) timed until its row says completed.
 */
async function benchZipExport(
  db: DataSource,
  storageDir: string,
  timeZone: string,
  sampleId: string,
): Promise<{ seconds: number; bytes: number }> {
  const sample = await db.getRepository(CertificateEntity).findOneByOrFail({ id: sampleId });
  const year = Number(calendarDate(timeZone).slice(0, 4));
  const { issuer } = await requestCertificates(db, 1, 'Người Xuất Sổ', { outbox: false });
  const dir = `bench-export/${issuer.code}`;
  mkdirSync(join(storageDir, dir), { recursive: true });
  for (let i = 0; i < EXPORT_N; i++) {
    linkSync(join(storageDir, sample.pdfKey as string), join(storageDir, dir, `${i}.pdf`));
  }
  await db.query(
    `INSERT INTO certificate (kind, user_id, course_id, course_version_id, status, serial,
            register_number, completed_at, year, hours, issuer_org_unit_id, snapshot, issued_at,
            signature, pdf_key)
     SELECT 'course', NULL, c.course_id, c.course_version_id, 'issued',
            'BENCH-' || $2::int || '-' || lpad(i::text, 6, '0'), i, now(), $2::smallint, 8, $1, c.snapshot,
            now(), c.signature, $4 || '/' || i || '.pdf'
       FROM generate_series(0, $3::int - 1) i, certificate c WHERE c.id = $5`,
    [issuer.id, year, EXPORT_N, dir, sampleId],
  );
  const id = randomUUID();
  const { seconds, row } = await runFileJob(
    db,
    CertificateExportEntity,
    {
      id,
      orgUnitId: issuer.id,
      unitPath: issuer.path,
      unitCode: issuer.code,
      unitName: issuer.name,
      year,
      format: 'zip',
      requestedBy: null,
    },
    {
      queue: CERTIFICATES_QUEUE,
      jobName: JobName.ExportCertificates,
      jobId: certificateExportJobId(id),
      payload: { exportId: id },
    },
    100,
  );
  if (row.count !== EXPORT_N) throw new Error(`Export counted ${row.count}, not ${EXPORT_N}`);
  return {
    seconds,
    bytes: statSync(join(storageDir, row.fileKey as string)).size,
  };
}
