import { activationSlipsJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import { ActivationSlipBatchEntity, buildDataSourceOptions } from '@dx/db';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Figure, figure } from './figures';
import { BenchEnvironment } from './support/environment';
import { progressFigure, runFileJob } from './support/file-job-run';
import { BenchUnit, fullNameSql, seedProvince } from './support/province';
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
    const province = await seedPeople(db, SLIPS_N);
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
      progressFigure(run.progressSeen),
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

/** A province of COMMUNES communes and `n` imported people (no password), half with an email. */
async function seedPeople(db: DataSource, n: number): Promise<BenchUnit> {
  const province = await seedProvince((sql, params) => db.query(sql, params), {
    code: 'BENCH-TINH',
    name: 'Tỉnh Thử Nghiệm Phiếu Kích Hoạt',
    communes: COMMUNES,
  });
  await db.query(
    `WITH communes AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_unit WHERE parent_id = $2)
     INSERT INTO app_user (username, full_name, email, org_unit_id, roles)
     SELECT 'cb.' || lpad(i::text, 6, '0'), ${fullNameSql('i')},
            -- Every other person has an email: their code is also mailed (queued by the job).
            CASE WHEN i % 2 = 0 THEN 'cb.' || lpad(i::text, 6, '0') || '@xa.example.vn' END,
            c.id, '{learner}'
       FROM generate_series(1, $1::int) i JOIN communes c ON c.k = i % $3`,
    [n, province.id, COMMUNES],
  );
  await db.query(`ANALYZE app_user; ANALYZE org_unit`);
  return province;
}

function timeSlips(db: DataSource, unit: BenchUnit) {
  const id = randomUUID();
  return runFileJob(
    db,
    ActivationSlipBatchEntity,
    {
      id,
      orgUnitId: unit.id,
      unitPath: unit.path,
      unitCode: unit.code,
      unitName: unit.name,
      requestedBy: null,
    },
    {
      queue: JOB_QUEUE[JobName.MakeActivationSlips],
      jobName: JobName.MakeActivationSlips,
      jobId: activationSlipsJobId(id),
      payload: { batchId: id },
    },
  );
}
