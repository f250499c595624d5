import { calendarDate, JOB_QUEUE, JobName, peopleExportJobId } from '@dx/contracts';
import { buildDataSourceOptions, PeopleExportEntity } from '@dx/db';
import { ensureLedgerPlacement, listPeople, renderPeopleCsv } from '@dx/reports';
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

// BENCH_PEOPLE_N: people of the province (the goal is stated for 60,000); smaller for a trial.
const PEOPLE_N = Number(process.env.BENCH_PEOPLE_N ?? 60_000);
/** Communes under the province (a province has a few hundred since the 2025 reform). */
const COMMUNES = 300;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * `GET /api/reports/people` of a province as ONE worker job (outbox → BullMQ → the BUILT
 * worker as its own process: people read in batches, CSV with BOM streamed to storage),
 * timed until its row says completed, with the progress the API answers sampled meanwhile
 * and the worker's own peak memory (VmHWM). Reference from the same run: the synchronous
 * export's work (every row read at once and the CSV rendered in memory) in this process.
 */
export async function benchPeopleExport(): Promise<Figure[]> {
  const load = machineLoad();
  const env = await BenchEnvironment.create('people_export');
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 4 }),
  ).initialize();
  try {
    const province = await seedPeople(db, PEOPLE_N);
    const today = calendarDate(TIME_ZONE);
    const year = Number(today.slice(0, 4));
    // Placed once, as the list's first page would: both measurements below read the ledger.
    await ensureLedgerPlacement(db.manager, year, today);
    const q = {
      orgUnitId: province.id,
      year,
      asOf: today,
      status: 'all' as const,
      timeZone: TIME_ZONE,
    };
    const syncStart = process.hrtime.bigint();
    const csv = renderPeopleCsv(await listPeople(db.manager, q));
    const syncSeconds = Number(process.hrtime.bigint() - syncStart) / 1e9;

    const pid = await env.startWorker();
    const before = memoryMiB(pid);
    const cpuBefore = cpuSeconds(pid);
    const run = await timeExport(db, province, year);
    const cpu = cpuSeconds(pid) - cpuBefore;
    const memory = memoryMiB(pid);
    const fileMiB = statSync(join(env.storageDir, run.row.fileKey as string)).size / 2 ** 20;
    return [
      load,
      figure(
        `Synchronous people export of the province in one request's work (reference: read all, render CSV in memory)`,
        syncSeconds,
        's',
        '',
        null,
        `${(csv.length / 2 ** 20).toFixed(1)} MiB CSV`,
      ),
      figure(
        `People export of a province (${PEOPLE_N.toLocaleString('en')} people) as one worker job`,
        run.seconds,
        's',
        '< 60',
        run.seconds < 60 && run.row.count === PEOPLE_N,
        `${run.row.count} rows; CSV ${fileMiB.toFixed(1)} MiB`,
      ),
      figure('CPU time of the worker process during the job', cpu, 's'),
      progressFigure(run.progressSeen),
      figure(
        'Peak memory (VmHWM) of the worker process',
        memory.peak,
        'MiB',
        '< 300',
        memory.peak < 300,
        `${Math.round(before.rss)} MiB resident when the job was asked for`,
      ),
    ];
  } finally {
    await db.destroy();
    await env.close();
  }
}

/** A province of COMMUNES communes and `n` DX staff (members since 2000) spread over them. */
async function seedPeople(db: DataSource, n: number): Promise<BenchUnit> {
  const province = await seedProvince((sql, params) => db.query(sql, params), {
    code: 'BENCH-TINH-DS',
    name: 'Tỉnh Thử Nghiệm Danh Sách',
    communes: COMMUNES,
  });
  await db.query(
    `WITH communes AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_unit WHERE parent_id = $2)
     INSERT INTO app_user (username, full_name, org_unit_id, roles, dx_role)
     SELECT 'ds.' || lpad(i::text, 6, '0'), ${fullNameSql('i')},
            c.id, '{learner}', CASE WHEN i % 4 = 0 THEN 'part_time' ELSE 'full_time' END
       FROM generate_series(1, $1::int) i JOIN communes c ON c.k = i % $3`,
    [n, province.id, COMMUNES],
  );
  await db.query(
    `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from)
     SELECT u.id, u.org_unit_id, u.dx_role, '2000-01-01'
       FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE $1`,
    [`${province.path}%`],
  );
  await db.query(`ANALYZE app_user; ANALYZE org_unit; ANALYZE org_unit_edge; ANALYZE membership`);
  return province;
}

function timeExport(db: DataSource, unit: BenchUnit, year: number) {
  const id = randomUUID();
  return runFileJob(
    db,
    PeopleExportEntity,
    {
      id,
      orgUnitId: unit.id,
      unitPath: unit.path,
      unitCode: unit.code,
      unitName: unit.name,
      year,
      format: 'csv',
      peopleStatus: 'all',
      dxRole: null,
      requestedBy: null,
    },
    {
      queue: JOB_QUEUE[JobName.ExportPeople],
      jobName: JobName.ExportPeople,
      jobId: peopleExportJobId(id),
      payload: { exportId: id },
    },
  );
}
