import { activationSlipsJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import { ActivationSlipBatchEntity, buildDataSourceOptions, enqueueJob } from '@dx/db';
import { eventually } from '@dx/testing';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Figure, figure } from './figures';
import { BenchEnvironment } from './support/environment';
import { cpuSeconds, memoryMiB } from './support/processes';
import { machineLoad } from './support/section';

// BENCH_SLIPS_N: people of the unit (the goal is stated for 60,000); smaller for a trial.
const SLIPS_N = Number(process.env.BENCH_SLIPS_N ?? 60_000);
/** Communes under the province: slips come unit by unit, as an office hands them out. */
const COMMUNES = 120;

/**
 * A unit's activation slips as ONE job of the BUILT worker, its own process (outbox →
 * BullMQ → worker: codes issued and hashed, PDF of slips and XLSX list streamed to storage),
 * timed until its row says completed, with the progress the API would answer sampled
 * meanwhile, and the worker's own CPU time and peak memory (VmHWM) from /proc.
 */
export async function benchActivationSlips(): Promise<Figure[]> {
  const load = machineLoad();
  const env = await BenchEnvironment.create('slips');
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
  ).initialize();
  try {
    const province = await seedProvince(db, SLIPS_N);
    const pid = await env.startWorker();
    const before = memoryMiB(pid);
    const cpuBefore = cpuSeconds(pid);
    const run = await timeSlips(db, province);
    const cpu = cpuSeconds(pid) - cpuBefore;
    const memory = memoryMiB(pid);
    const [{ mails }] = await db.query(`SELECT count(*)::int AS mails FROM mail`);
    const pdfMiB = statSync(join(env.storageDir, run.row.pdfKey as string)).size / 2 ** 20;
    const xlsxMiB = statSync(join(env.storageDir, run.row.xlsxKey as string)).size / 2 ** 20;
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
        cpu,
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
        'Peak memory (VmHWM) of the worker process, its own process, through the job',
        memory.peak,
        'MiB',
        '',
        null,
        `${Math.round(before.rss)} MiB resident when the job was asked for`,
      ),
    ];
  } finally {
    await db.destroy();
    await env.close();
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
  const progressSeen: number[] = [];
  const start = process.hrtime.bigint();
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
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, progressSeen, row: await repo.findOneByOrFail({ id }) };
}
