import { coverageExportKey, QueueName, ReportJob } from '@dx/contracts';
import { buildDataSourceOptions, CertificateEntity, CertificateEventEntity } from '@dx/db';
import { createTestDatabase, dropTestDatabase, randomSuffix } from '@dx/db/testing';
import { loadAppConfig } from '@dx/config';
import { checkSentinelsAtStart } from '@dx/queues';
import {
  CoverageFixture,
  eventually,
  freePort,
  RedisSentinelTestGroup,
  requestCertificates,
  stopped,
} from '@dx/testing';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { startWorkerProcess } from '../test/worker-process';

jest.setTimeout(240_000);

/**
 * Redis failover under load: real redis-server master and replica, three redis-sentinel
 * processes, and the real worker process configured with REDIS_SENTINELS only.
 */
describe('certificate issuance across a Redis Sentinel failover', () => {
  let group: RedisSentinelTestGroup;
  let databaseUrl: string;
  let db: DataSource;
  let worker: ChildProcess | undefined;
  const storageDir = mkdtempSync(join(tmpdir(), 'dx-worker-sentinel-'));

  beforeAll(async () => {
    group = await RedisSentinelTestGroup.start();
    databaseUrl = await createTestDatabase('dx_worker_sentinel');
    db = await new DataSource(
      buildDataSourceOptions({ url: databaseUrl, poolSize: 4 }),
    ).initialize();
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    if (worker) await stopped(worker);
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    await group?.stop();
  });

  const certificatesOf = (ids: string[]) =>
    db.getRepository(CertificateEntity).findBy({ id: In(ids) });
  const allIssued = async (ids: string[]) =>
    (await certificatesOf(ids)).every((c) => c.status === 'issued' && c.pdfKey !== null);

  /**
   * `count` coverage reports of one province (3 communes, 2 people each) waiting for the
   * worker, with their outbox rows, as the API's request leaves them.
   */
  const requestReports = async (count: number, firstYear = 2020) => {
    const make = new CoverageFixture(db);
    const province = await make.unit('Tỉnh Quảng Trị');
    for (const name of ['Xã Cam Lộ', 'Xã Gio Linh', 'Xã Hải Lăng']) {
      const commune = await make.unit(name, province);
      await make.person(commune);
      await make.person(commune, 'part_time');
    }
    const reports = [];
    for (let i = 0; i < count; i++) {
      const report = await make.report(province, firstYear + i);
      await db.query(
        `INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)`,
        [QueueName.Reports, ReportJob.Coverage, report.jobId, { reportId: report.id }],
      );
      reports.push(report.id);
    }
    return reports;
  };
  /** Per report: its status and snapshot rows (a recompute must replace them, never add). */
  const reportsOf = (ids: string[]) =>
    db.query<{ status: string; rows: number }[]>(
      `SELECT r.status, (SELECT count(*)::int FROM coverage_report_row w WHERE w.report_id = r.id) AS rows
         FROM coverage_report r WHERE r.id = ANY ($1) ORDER BY r.year`,
      [ids],
    );

  it('loses and doubles nothing when the master dies mid-batch, and goes on with the promoted replica', async () => {
    const { certificates } = await requestCertificates(db, 30);
    const before = certificates.map((c) => c.id);
    // Reports computed at the same time: the failover must not lose or repeat them either.
    const reports = await requestReports(6);
    worker = startWorkerProcess({
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `dxtest-${randomSuffix()}`,
      JWT_SECRET: 'x'.repeat(40),
      STORAGE_DIR: storageDir,
      // Nothing listens there: only the sentinels can lead the worker to Redis.
      REDIS_URL: 'redis://127.0.0.1:1',
      ...group.sentinelsEnv,
    });
    const issued = async () =>
      (await certificatesOf(before)).filter((c) => c.status === 'issued').length;
    await eventually(async () => (await issued()) >= 3, 90_000, 50);

    const killedAt = Date.now();
    await group.killMaster();
    expect(await issued()).toBeLessThan(30); // the batch really was under way
    // A report asked for while no master answers: its outbox row waits for the new one.
    const [duringFailover] = await requestReports(1, 2019);
    reports.push(duringFailover);
    await group.waitForPromotion();
    const promotedAfterMs = Date.now() - killedAt;

    // Requests made after the failover reach the new master through the outbox relay.
    const { certificates: later } = await requestCertificates(db, 5, 'Lê Văn Thành');
    const ids = [...before, ...later.map((c) => c.id)];
    await eventually(() => allIssued(ids), 90_000);

    const done = await certificatesOf(ids);
    const numbers = done.map((c) => Number(c.serial?.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(35);
    expect(numbers[34] - numbers[0]).toBe(34); // gap-free: no serial taken twice or skipped
    expect(
      await db
        .getRepository(CertificateEventEntity)
        .countBy({ certificateId: In(ids), type: 'issued' }),
    ).toBe(35);
    for (const c of done) expect(existsSync(join(storageDir, c.pdfKey as string))).toBe(true);
    expect(promotedAfterMs).toBeLessThan(30_000);

    await eventually(
      async () => (await reportsOf(reports)).every((r) => r.status === 'completed'),
      90_000,
    );
    const computed = await reportsOf(reports);
    expect(computed).toHaveLength(7);
    expect(computed.map((r) => r.rows)).toEqual(reports.map(() => computed[0].rows));
    expect(computed[0].rows).toBeGreaterThan(0);
    for (const id of reports) {
      for (const format of ['csv', 'xlsx', 'pdf'] as const) {
        expect(existsSync(join(storageDir, coverageExportKey(id, format)))).toBe(true);
      }
    }
  });

  it('stops the start with one line when no sentinel answers or none knows the master', async () => {
    const configWith = (env: Record<string, string>) =>
      loadAppConfig({ JWT_SECRET: 'x'.repeat(40), ...env });
    await expect(checkSentinelsAtStart(configWith(group.sentinelsEnv))).resolves.toBeUndefined();
    await expect(
      checkSentinelsAtStart(configWith({ ...group.sentinelsEnv, REDIS_SENTINEL_NAME: 'other' })),
    ).rejects.toThrow(
      /^REDIS_SENTINELS: no sentinel names a master for other \(.*does not monitor other/,
    );
    const nobody = await freePort();
    const error = await checkSentinelsAtStart(
      configWith({ REDIS_SENTINELS: `127.0.0.1:${nobody}`, REDIS_SENTINEL_NAME: 'dxmaster' }),
      500,
    ).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(
      new RegExp(
        `^REDIS_SENTINELS: no sentinel names a master for dxmaster \\(127\\.0\\.0\\.1:${nobody} .*ECONNREFUSED`,
      ),
    );
    expect(String((error as Error).message)).not.toContain('\n');
  });
});
