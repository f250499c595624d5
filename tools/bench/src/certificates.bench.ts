import {
  claimsOf,
  PdfSigningIdentity,
  renderCertificatePdf,
  selfSignedPkcs12,
  signPdf,
} from '@dx/certificate-pdf';
import { loadAppConfig, redisOptionsFromUrl } from '@dx/config';
import { CertificateEntity } from '@dx/db';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the bench boots the worker module in-process (issue 18: moves to a lib with its feature's repository)
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { Figure, figure } from './figures';

// BENCH_CERTIFICATES_N: a smaller run to check the section on a shared machine.
const N = Number(process.env.BENCH_CERTIFICATES_N ?? 300);

/**
 * Certificates per second through the whole pipeline in ONE worker process (outbox relay →
 * BullMQ → serial allocation → signature → PDF → PAdES signature → storage → issued),
 * against a raw loop of the same page: pdfkit rendering plus the @signpdf signature, with
 * the same kind of signing certificate, in the same process.
 */
export async function benchCertificates(): Promise<Figure[]> {
  const storageDir = mkdtempSync(join(tmpdir(), 'dx-bench-cert-'));
  const databaseUrl = await createTestDatabase('dx_bench_cert');
  const prefix = `dxbench-${randomSuffix()}`;
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: process.env.JWT_SECRET ?? 'bench-secret-that-is-long-enough-0000',
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'error',
  });
  try {
    // Raw rendering: the same certificate page, fonts cached, no database, no queue.
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
    const rawStart = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const page = await renderCertificatePdf({ ...sample, serial: `CDS-2026-${String(i).padStart(6, '0')}` });
      await signPdf(page, identity, signature);
    }
    const rawPerSecond = N / (Number(process.hrtime.bigint() - rawStart) / 1e9);

    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
      abortOnError: false,
    });
    const db = app.get<DataSource>(getDataSourceToken());
    try {
      const { certificates: warm } = await requestCertificates(db, 5);
      await eventually(
        async () =>
          (await db
            .getRepository(CertificateEntity)
            .countBy({ id: In(warm.map((c) => c.id)), status: 'issued' })) === 5,
      );
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
      const ratio = pipelinePerSecond / rawPerSecond;
      return [
        figure('Raw pdfkit + @signpdf signed certificate loop (reference)', rawPerSecond, 'PDF/s'),
        figure('Signed (PAdES) certificates issued per second, one worker process', pipelinePerSecond, 'cert/s'),
        figure(
          'Signed worker pipeline / raw pdfkit + @signpdf loop',
          ratio,
          '×',
          '≥ 0.7',
          ratio >= 0.7,
          `${N} certificates`,
        ),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await dropTestDatabase(databaseUrl);
    const redis = new Redis(redisOptionsFromUrl(config.redisUrl));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    rmSync(storageDir, { recursive: true, force: true });
  }
}
