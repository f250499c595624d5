import { CoverageJobData, REPORTS_QUEUE } from '@dx/contracts';
import type { OrgUnitEntity } from '@dx/db';
import { CoverageReportGenerator } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Worker } from 'bullmq';
import { courseCertificate } from '../reports/coverage.fixtures';
import type { TestApp } from '../test/test-app';
import { relayOutbox } from '../test/outbox';
import { createTestApp } from '../test/test-app';
import { eventually } from '@dx/testing';
import { scenario } from './support/scenario';
import { createTrustApp, dropQueueKeys } from './support/trust-app';
import { TrustCounter } from './support/trust-stats';

jest.setTimeout(60_000);

/**
 * Report jobs across an API restart and a worker dying mid-job. No worker app runs here
 * (the API must not import it): a BullMQ worker on this file's queue prefix runs the same
 * generator as the worker's processor, as apps/api/src/reports specs do.
 */
describe('faults: report jobs across restarts', () => {
  const counter = new TrustCounter('faults');
  let t: TestApp;
  let prefix: string;
  let province: OrgUnitEntity;
  let hr: string;
  const lastYear = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    ({ t, prefix } = await createTrustApp());
    const { a, a1 } = await t.make.twoProvinces();
    province = a;
    const officer = await t.make.user(a, { roles: ['learner', 'hr'], fullName: 'Hà Thị Tổ Chức' });
    const trained = await t.make.user(a1, { fullName: 'Sùng A Lềnh' });
    await courseCertificate(t.db, trained.id, `${lastYear}-06-02T03:00:00Z`, {
      issuer: a,
      hours: 6,
    });
    hr = await t.tokenFor(officer.username);
  });

  afterAll(async () => {
    counter.flush();
    await t?.close();
    if (t) await dropQueueKeys(t.config.redisUrl, prefix);
  });

  /**
   * A BullMQ worker on this file's prefix. Short intervals all round: a stalled check runs
   * at most once per stalledInterval of whichever worker ran it last.
   */
  const worker = (
    processor: ConstructorParameters<typeof Worker<CoverageJobData>>[1],
    opts: { lockDuration?: number } = {},
  ) =>
    new Worker<CoverageJobData>(REPORTS_QUEUE, processor, {
      connection: { url: t.config.redisUrl, maxRetriesPerRequest: null },
      prefix,
      stalledInterval: 500,
      ...opts,
    });
  const jobState = async (jobId: string) =>
    (await t.http.get(`/api/reports/coverage/jobs/${jobId}`).set('Authorization', hr).expect(200))
      .body;
  const requestReport = async (): Promise<{ jobId: string; reportId: string }> => {
    const res = await t.http
      .post('/api/reports/coverage')
      .set('Authorization', hr)
      .send({ year: lastYear, orgUnitId: province.id })
      .expect(202);
    // The worker's outbox relay, stood in for: the job reaches this file's queue.
    expect(await relayOutbox(t)).toBe(1);
    return { jobId: res.body.jobId, reportId: res.body.jobId.slice('coverage-'.length) };
  };
  const generator = () => new CoverageReportGenerator(t.db, t.app.get<FileStorage>(FILE_STORAGE));
  /** What the worker app's processor does with a coverage job. */
  const processCoverage =
    (g: CoverageReportGenerator) =>
    async (job: { data: CoverageJobData; updateProgress: (p: number) => Promise<unknown> }) => ({
      outcome: await g.generate(job.data.reportId, (p) => job.updateProgress(p)),
    });

  async function expectFinished(jobId: string, reportId: string): Promise<void> {
    expect(await jobState(jobId)).toEqual({ state: 'completed', progress: 100, reportId });
    const report = (
      await t.http.get(`/api/reports/coverage/${reportId}`).set('Authorization', hr).expect(200)
    ).body;
    // One row per unit of the province's subtree (the province and its commune), once.
    expect(
      report.rows.map((r: { depth: number; trained: number }) => [r.depth, r.trained]),
    ).toEqual([
      [0, 1],
      [1, 1],
    ]);
    await t.http
      .get(`/api/reports/coverage/${reportId}/export?format=csv`)
      .set('Authorization', hr)
      .expect(200);
  }

  scenario(
    counter,
    'a job queued before an API restart is still answered for by the new API, and completes',
    async () => {
      const { jobId, reportId } = await requestReport();
      expect(await jobState(jobId)).toEqual({ state: 'waiting', progress: 0, reportId });
      await t.close();
      // A new process on the same database and queue prefix: state comes from the report
      // row, nothing from the old process's memory. Tokens stay valid.
      t = await createTestApp({ QUEUE_PREFIX: prefix });
      expect(await jobState(jobId)).toEqual({ state: 'waiting', progress: 0, reportId });
      const running = worker(processCoverage(generator()));
      try {
        await eventually(
          async () => (await jobState(jobId)).state === 'completed',
          20_000,
          100,
          'report completed',
        );
      } finally {
        await running.close();
      }
      await expectFinished(jobId, reportId);
    },
  );

  scenario(
    counter,
    'a worker that dies after the snapshot, before the exports, leaves a job another worker finishes',
    async () => {
      const { jobId, reportId } = await requestReport();
      let snapshotTaken!: () => void;
      const midway = new Promise<void>((r) => (snapshotTaken = r));
      const g = generator();
      // This worker stops for good once the snapshot is committed (progress 60): like a
      // killed process, it never completes, fails or unlocks the job; its short lock lapses.
      const dying = worker(
        (job) =>
          g.generate(job.data.reportId, (p) => {
            if (p < 60) return job.updateProgress(p);
            snapshotTaken();
            return new Promise(() => undefined);
          }),
        { lockDuration: 1_000 },
      );
      await midway;
      await dying.close(true);
      // The snapshot is the report (the row says completed); its files are not there yet.
      expect(await jobState(jobId)).toEqual({ state: 'completed', progress: 100, reportId });
      const csv = () =>
        t.http.get(`/api/reports/coverage/${reportId}/export?format=csv`).set('Authorization', hr);
      await csv().expect(409);

      const rescuer = worker(processCoverage(generator()));
      try {
        await eventually(
          async () => (await csv()).status === 200,
          20_000,
          100,
          'job taken over and its files rendered',
        );
      } finally {
        await rescuer.close();
      }
      await expectFinished(jobId, reportId);
    },
  );
});
