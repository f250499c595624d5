import {
  claimsOf,
  PdfSigningIdentity,
  renderCertificatePdf,
  selfSignedPkcs12,
  signPdf,
} from '@dx/certificate-pdf';
import { calendarDate, certificateExportJobId, CERTIFICATES_QUEUE, JobName } from '@dx/contracts';
import { buildDataSourceOptions, CertificateEntity, CertificateExportEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
import { Figure, figure } from './figures';
import { BenchEnvironment } from './support/environment';
import { runFileJob } from './support/file-job-run';
import { cpuSeconds, memoryMiB } from './support/processes';
import { machineLoad } from './support/section';

// BENCH_CERTIFICATES_N: a smaller run to check the section on a shared machine.
const N = Number(process.env.BENCH_CERTIFICATES_N ?? 300);
// BENCH_EXPORT_N: certificates in the ZIP export (the goal is stated for 10,000).
const EXPORT_N = Number(process.env.BENCH_EXPORT_N ?? 10_000);

/**
 * Certificates per second through the whole pipeline in ONE built worker process (outbox
 * relay → BullMQ → serial allocation → signature → PDF → PAdES signature → storage → issued),
 * against a raw loop of the same page in this process: pdfkit rendering plus the @signpdf
 * signature, with the same kind of signing certificate (self-signed RSA, as the worker makes
 * without CERT_PDF_P12).
 */
export async function benchCertificates(): Promise<Figure[]> {
  const load = machineLoad();
  const raw = await rawSignedPdfs();
  const env = await BenchEnvironment.create('cert');
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
  ).initialize();
  try {
    const pid = await env.startWorker();
    // Warm-up: fonts, JIT and the signing identity of the worker, as the raw loop warms up.
    const { certificates: warm } = await requestCertificates(db, 5);
    await eventually(
      async () =>
        (await db
          .getRepository(CertificateEntity)
          .countBy({ id: In(warm.map((c) => c.id)), status: 'issued' })) === 5,
      120_000,
    );
    const cpuBefore = cpuSeconds(pid);
    const pipelineStart = process.hrtime.bigint();
    const { certificates } = await requestCertificates(db, N);
    const ids = certificates.map((c) => c.id);
    await eventually(
      async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM certificate WHERE id = ANY($1) AND pdf_key IS NOT NULL`,
          [ids],
        );
        return n === N;
      },
      300_000,
      50,
    );
    const pipelinePerSecond = N / (Number(process.hrtime.bigint() - pipelineStart) / 1e9);
    const workerCpu = cpuSeconds(pid) - cpuBefore;
    const ratio = pipelinePerSecond / raw.perSecond;
    return [
      load,
      figure('Raw pdfkit + @signpdf signed certificate loop (reference)', raw.perSecond, 'PDF/s'),
      figure(
        'Signed (PAdES) certificates issued per second, one worker process',
        pipelinePerSecond,
        'cert/s',
      ),
      figure(
        'Signed worker pipeline / raw pdfkit + @signpdf loop',
        ratio,
        '×',
        '≥ 0.7',
        ratio >= 0.7,
        `${N} certificates`,
      ),
      // CPU per item is less sensitive than the rates to other load on the machine.
      figure('CPU time of the raw loop per signed PDF (reference)', raw.cpuMsPerPdf, 'ms'),
      figure(
        'CPU time of the worker process per issued certificate',
        (workerCpu / N) * 1000,
        'ms',
        '',
        null,
        `${(((workerCpu / N) * 1000) / raw.cpuMsPerPdf).toFixed(2)} × the raw loop's`,
      ),
    ];
  } finally {
    await db.destroy();
    await env.close();
  }
}

/** The same certificate page rendered and signed N times: fonts cached, no database, no queue. */
async function rawSignedPdfs(): Promise<{ perSecond: number; cpuMsPerPdf: number }> {
  const sample = {
    ...claimsOf({
      serial: 'CDS-2026-000001',
      kind: 'course',
      registerNumber: 1,
      snapshot: {
        holderName: 'Nguyễn Thị Hường 1',
        dateOfBirth: '1990-05-17',
        title: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
        hours: 8,
        completedOn: '2026-11-26',
        issuedOn: '2026-11-26',
        issuerName: 'Sở Khoa học và Công nghệ Hà Nội',
      },
    }),
    year: 2026,
    verifyUrl: 'http://localhost:3000/verify/CDS-2026-000001?c=AAAAAAAAAAAAAAAAAAAAAA',
  };
  const identity = PdfSigningIdentity.fromPkcs12(selfSignedPkcs12('bench', 'bench'), 'bench');
  const signature = { reason: 'bench', location: 'Việt Nam', contactInfo: 'bench' };
  await signPdf(await renderCertificatePdf(sample), identity, signature); // warm-up (fonts, JIT)
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const page = await renderCertificatePdf({
      ...sample,
      serial: `CDS-2026-${String(i).padStart(6, '0')}`,
    });
    await signPdf(page, identity, signature);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { perSecond: N / seconds, cpuMsPerPdf: (used.user + used.system) / 1000 / N };
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
