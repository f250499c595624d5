import { loadAppConfig, redisOptionsFromUrl } from '@dx/config';
import { activationSlipsJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import { ActivationSlipBatchEntity, enqueueJob } from '@dx/db';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { eventually } from '@dx/testing';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the bench boots the worker module in-process, as the export section does
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { Figure, figure } from './figures';
import { machineLoad } from './support/section';

// BENCH_SLIPS_N: people of the unit (the goal is stated for 60,000); smaller for a trial.
const SLIPS_N = Number(process.env.BENCH_SLIPS_N ?? 60_000);
/** Communes under the province: slips come unit by unit, as an office hands them out. */
const COMMUNES = 120;

/**
 * A unit's activation slips as ONE worker job (outbox → BullMQ → worker: codes issued and
 * hashed, PDF of slips and XLSX list streamed to storage), timed until its row says
 * completed, with the progress the API would answer sampled meanwhile.
 */
export async function benchActivationSlips(): Promise<Figure[]> {
  const load = machineLoad();
  const storageDir = mkdtempSync(join(tmpdir(), 'dx-bench-slips-'));
  const databaseUrl = await createTestDatabase('dx_bench_slips');
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
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
      abortOnError: false,
    });
    try {
      const db = app.get<DataSource>(getDataSourceToken());
      const province = await seedProvince(db, SLIPS_N);
      const run = await timeSlips(db, province);
      const [{ mails }] = await db.query(`SELECT count(*)::int AS mails FROM mail`);
      const pdfMiB = statSync(join(storageDir, run.row.pdfKey as string)).size / 2 ** 20;
      const xlsxMiB = statSync(join(storageDir, run.row.xlsxKey as string)).size / 2 ** 20;
      return [
        load,
        figure(
          `Activation slips for a unit of ${SLIPS_N.toLocaleString('en')} people, one worker job`,
          run.seconds,
          's',
          '< 60',
          run.seconds < 60 && run.row.count === SLIPS_N,
          `${run.row.count} codes, ${mails} mailed; PDF ${pdfMiB.toFixed(1)} MiB, XLSX ${xlsxMiB.toFixed(1)} MiB`,
        ),
        figure(
          'CPU time of the worker process during the job (less sensitive to other load than the wall time)',
          run.cpuSeconds,
          's',
        ),
        figure(
          'Distinct progress values seen while it ran (polled every 250 ms)',
          run.progressSeen.length,
          '',
          '≥ 3 between 0 and 100',
          run.progressSeen.filter((p) => p > 0 && p < 100).length >= 3,
          run.progressSeen.join(' → '),
        ),
        figure(
          'Peak memory (RSS) of the process during the job',
          run.peakRssMiB,
          'MiB',
          '',
          null,
          `${Math.round(run.startRssMiB)} MiB before it started`,
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

interface Unit {
  id: string;
  path: string;
  code: string;
  name: string;
}

/**
 * A province with COMMUNES communes and `n` imported people (no password) spread over them,
 * half of them with an email.
 */
async function seedProvince(db: DataSource, n: number): Promise<Unit> {
  const id = randomUUID();
  const province: Unit = {
    id,
    path: `/${id}/`,
    code: 'BENCH-TINH',
    name: 'Tỉnh Thử Nghiệm Phiếu Kích Hoạt',
  };
  await db.query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth) VALUES ($1, $2, $3, NULL, $4, 0)`,
    [province.id, province.code, province.name, province.path],
  );
  await db.query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth)
     SELECT g.id, 'BENCH-XA-' || g.i, 'Ủy ban nhân dân xã Thử Nghiệm Số ' || g.i, $1, $2 || g.id || '/', 1
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $3::int) i) g`,
    [province.id, province.path, COMMUNES],
  );
  await db.query(
    `INSERT INTO app_user (username, full_name, email, org_unit_id, roles)
     SELECT 'cb.' || lpad(i::text, 6, '0'),
            (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + i % 8] || ' ' ||
            (ARRAY['Thị','Văn','Hữu','Minh','Ngọc'])[1 + i % 5] || ' ' ||
            (ARRAY['An','Bình','Cường','Dũng','Hằng','Hương','Khánh','Lan','Phúc','Thảo','Tùng','Yến'])[1 + i % 12],
            -- Every other person has an email: their code is also mailed (queued by the job).
            CASE WHEN i % 2 = 0 THEN 'cb.' || lpad(i::text, 6, '0') || '@xa.example.vn' END,
            u.id, '{learner}'
       FROM generate_series(1, $1::int) i
       JOIN LATERAL (SELECT id FROM org_unit WHERE parent_id = $2
                      ORDER BY code OFFSET (i % $3) LIMIT 1) u ON true`,
    [n, province.id, COMMUNES],
  );
  await db.query(`ANALYZE app_user; ANALYZE org_unit`);
  return province;
}

async function timeSlips(db: DataSource, unit: Unit) {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(ActivationSlipBatchEntity, {
      id,
      orgUnitId: unit.id,
      unitPath: unit.path,
      unitCode: unit.code,
      unitName: unit.name,
      requestedBy: null,
    });
    await enqueueJob(tx, {
      queue: JOB_QUEUE[JobName.MakeActivationSlips],
      jobName: JobName.MakeActivationSlips,
      jobId: activationSlipsJobId(id),
      payload: { batchId: id },
    });
  });
  const repo = db.getRepository(ActivationSlipBatchEntity);
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const progressSeen: number[] = [];
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  try {
    await eventually(
      async () => {
        const row = await repo.findOneByOrFail({ id });
        if (row.state === 'failed') throw new Error(`Slips failed: ${row.error}`);
        if (progressSeen[progressSeen.length - 1] !== row.progress) progressSeen.push(row.progress);
        return row.state === 'completed';
      },
      600_000,
      250,
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    row: await repo.findOneByOrFail({ id }),
    progressSeen,
    peakRssMiB: peakRss / 2 ** 20,
    startRssMiB: startRss / 2 ** 20,
  };
}
