import { JOB_QUEUE } from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createTestWorker } from '../test/test-worker';
import { daily, JOB_SCHEDULES, yearly } from './job-schedules';
import { JobSchedulesService } from './job-schedules.service';

/** When each job next runs, in UTC (TZ_REPORTS is Asia/Ho_Chi_Minh, UTC+7, no summer time). */
const NEXT_RUN_UTC: Record<string, RegExp> = {
  'apply-scheduled-merges': /T17:00:30\.000Z$/,
  'advance-ledger-placement': /T17:01:00\.000Z$/,
  'requeue-pending-certificates': /T\d\d:[0-5]0:00\.000Z$/,
  'requeue-lost-jobs': /T\d\d:[0-5]5:00\.000Z$/,
  'yearly-national-coverage': /-12-31T17:05:00\.000Z$/,
  'purge-expired-files': /T20:15:00\.000Z$/,
  'clean-question-images': /T20:20:00\.000Z$/,
  'daily-reminders': /T00:00:00\.000Z$/,
};

describe('the worker’s job schedulers (real worker and Redis)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_schedules',
    storagePrefix: 'dx-worker-schedules-',
  });
  beforeAll(() => worker.start());
  afterAll(() => worker.stop());

  it('writes daily and yearly times as cron patterns, seconds first', () => {
    expect(daily('00:00:30')).toBe('30 0 0 * * *');
    expect(daily('07:00:00')).toBe('0 0 7 * * *');
    expect(yearly('00:05:00')).toBe('0 5 0 1 1 *');
  });

  it('registers each scheduled job once, in Vietnam time, however many workers register them', async () => {
    const schedules = worker.app.get(JobSchedulesService);
    await schedules.registration;
    // A second worker (or a restart) registers the same schedulers again.
    schedules.onApplicationBootstrap();
    await schedules.registration;

    expect(new Set(JOB_SCHEDULES.map((s) => s.id)).size).toBe(JOB_SCHEDULES.length);
    expect(Object.keys(NEXT_RUN_UTC).sort()).toEqual(JOB_SCHEDULES.map((s) => s.id).sort());
    for (const s of JOB_SCHEDULES) {
      const queue = worker.app.get<Queue>(getQueueToken(JOB_QUEUE[s.job]), { strict: false });
      const found = (await queue.getJobSchedulers()).filter((j) => j.key === s.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ name: s.job, pattern: s.pattern, tz: 'Asia/Ho_Chi_Minh' });
      const next = new Date(found[0].next as number);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect([s.id, next.toISOString()]).toEqual([s.id, expect.stringMatching(NEXT_RUN_UTC[s.id])]);
      // Retries as before the schedules were listed in one place.
      if (s.opts) expect(found[0].template?.opts).toMatchObject(s.opts);
    }
  });
});
