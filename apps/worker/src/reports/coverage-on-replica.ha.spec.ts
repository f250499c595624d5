import { coverageJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import { enqueueJob } from '@dx/db';
import { CoverageFixture, eventually, FixtureUnit, PostgresReplicaPair } from '@dx/testing';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';

jest.setTimeout(180_000);

/**
 * The coverage computation with DATABASE_REPLICA_URL on a real streaming standby
 * (pg_basebackup). A report reads everything committed before it was asked for: on the
 * replica once it has replayed that far, else, after DATABASE_REPLICA_WAIT_MS, on the
 * primary; the report row says which, and why. The snapshot rows are written on the primary.
 */
describe('the coverage report on a read replica', () => {
  let pair: PostgresReplicaPair;
  const env: Record<string, string> = { DATABASE_REPLICA_WAIT_MS: '3000' };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_replica_coverage',
    storagePrefix: 'dx-worker-replica-coverage-',
    env,
  });
  let db: DataSource;
  let make: CoverageFixture;
  let province: FixtureUnit;

  beforeAll(async () => {
    pair = await PostgresReplicaPair.start('dx_worker_replica_coverage');
    Object.assign(env, { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URL: pair.replicaUrl });
    await worker.start();
    db = worker.db;
    make = new CoverageFixture(db);
    province = await make.unit('Tỉnh Điện Biên');
    await trainedPerson('Lò Thị Mai');
  });
  afterAll(async () => {
    await worker.stop();
    pair?.destroy();
  });

  async function trainedPerson(name: string): Promise<void> {
    const person = await make.person(province, 'full_time', name);
    await make.certificate(person, '2025-04-02T03:00:00Z', { hours: 4, issuer: province });
  }

  /** Asks as the API does (row + outbox row), waits for the snapshot; its row and figures. */
  async function computed() {
    const { id } = await make.report(province, 2025);
    await db.transaction((tx) =>
      enqueueJob(tx, {
        queue: JOB_QUEUE[JobName.Coverage],
        jobName: JobName.Coverage,
        jobId: coverageJobId(id),
        payload: { reportId: id },
      }),
    );
    const row = async () =>
      (
        await db.query(
          `SELECT r.status, r.read_source, r.read_detail, rr.dx_staff, rr.trained
             FROM coverage_report r LEFT JOIN coverage_report_row rr
               ON rr.report_id = r.id AND rr.org_unit_id = r.org_unit_id
            WHERE r.id = $1`,
          [id],
        )
      )[0];
    await eventually(async () => (await row()).status === 'completed', 60_000);
    return row();
  }

  it('reads a report on a replica that has replayed past its request', async () => {
    await pair.waitForCatchUp();
    expect(await computed()).toMatchObject({
      read_source: 'replica',
      read_detail: expect.stringMatching(/^replica (current|caught up after \d+ ms)$/),
      dx_staff: 1,
      trained: 1,
    });
  });

  describe('with replay paused (the replica falls behind for real)', () => {
    beforeEach(() => pair.pauseReplay());
    afterEach(() => pair.resumeReplay());

    it('waits, then falls back to the primary and says so: nothing committed before the request is missed', async () => {
      await trainedPerson('Quàng Văn Sơn');
      const started = Date.now();
      expect(await computed()).toMatchObject({
        read_source: 'primary',
        read_detail: expect.stringMatching(
          /^replica behind: .*; waited \d+ ms, then read from the primary$/,
        ),
        dx_staff: 2,
        trained: 2,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    });

    it('reads on the replica once it catches up within the wait', async () => {
      await trainedPerson('Lường Thị Hương');
      setTimeout(() => void pair.resumeReplay(), 800);
      expect(await computed()).toMatchObject({
        read_source: 'replica',
        read_detail: expect.stringMatching(/^replica caught up after \d+ ms$/),
        dx_staff: 3,
        trained: 3,
      });
    });
  });
});
