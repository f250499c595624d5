import { calendarDate, JOB_QUEUE, JobName, peopleExportJobId } from '@dx/contracts';
import { buildDataSourceOptions, enqueueJob, PeopleExportEntity } from '@dx/db';
import { ensureLedgerPlacement, listPeople, renderPeopleCsv } from '@dx/reports';
import { eventually } from '@dx/testing';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Figure, figure } from './figures';
import { BenchEnvironment } from './support/environment';
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
    const province = await seedProvince(db, PEOPLE_N);
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
      figure(
        'Distinct progress values seen while it ran (polled every 250 ms)',
        run.progressSeen.length,
        '',
        '≥ 3 between 0 and 100',
        run.progressSeen.filter((p) => p > 0 && p < 100).length >= 3,
        run.progressSeen.join(' → '),
      ),
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

interface Unit {
  id: string;
  path: string;
  code: string;
  name: string;
}

/** A province with COMMUNES communes and `n` DX staff (members since 2000) spread over them. */
async function seedProvince(db: DataSource, n: number): Promise<Unit> {
  const id = randomUUID();
  const province = {
    id,
    path: `/${id}/`,
    code: 'BENCH-TINH-DS',
    name: 'Tỉnh Thử Nghiệm Danh Sách',
  };
  await db.query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from)
     VALUES ($1, $2, $3, NULL, $4, 0, '2000-01-01')`,
    [province.id, province.code, province.name, province.path],
  );
  await db.query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from)
     SELECT g.id, 'BENCH-DS-XA-' || g.i, 'Ủy ban nhân dân xã Thử Nghiệm Số ' || g.i, $1, $2 || g.id || '/', 1, '2000-01-01'
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $3::int) i) g`,
    [province.id, province.path, COMMUNES],
  );
  await db.query(
    `INSERT INTO org_unit_edge (unit_id, parent_id, valid_from)
     SELECT id, parent_id, '2000-01-01' FROM org_unit WHERE path LIKE $1`,
    [`${province.path}%`],
  );
  await db.query(
    `WITH communes AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_unit WHERE parent_id = $2)
     INSERT INTO app_user (username, full_name, org_unit_id, roles, dx_role)
     SELECT 'ds.' || lpad(i::text, 6, '0'),
            (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + i % 8] || ' ' ||
            (ARRAY['Thị','Văn','Hữu','Minh','Ngọc'])[1 + i % 5] || ' ' ||
            (ARRAY['An','Bình','Cường','Dũng','Hằng','Hương','Khánh','Lan','Phúc','Thảo','Tùng','Yến'])[1 + i % 12],
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

async function timeExport(db: DataSource, unit: Unit, year: number) {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(PeopleExportEntity, {
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
    });
    await enqueueJob(tx, {
      queue: JOB_QUEUE[JobName.ExportPeople],
      jobName: JobName.ExportPeople,
      jobId: peopleExportJobId(id),
      payload: { exportId: id },
    });
  });
  const repo = db.getRepository(PeopleExportEntity);
  const progressSeen: number[] = [];
  const start = process.hrtime.bigint();
  await eventually(
    async () => {
      const row = await repo.findOneByOrFail({ id });
      if (row.state === 'failed') throw new Error(`People export failed: ${row.error}`);
      if (progressSeen[progressSeen.length - 1] !== row.progress) progressSeen.push(row.progress);
      return row.state === 'completed';
    },
    600_000,
    250,
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, progressSeen, row: await repo.findOneByOrFail({ id }) };
}
