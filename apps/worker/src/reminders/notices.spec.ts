import {
  calendarDate,
  CertificateJob,
  DAILY_REMINDERS_SCHEDULER_ID,
  NotificationJob,
  QueueName,
  ReportJob,
  SystemJob,
} from '@dx/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CoverageFixture, eventually, requestCertificates } from '@dx/testing';
import { JOB_SCHEDULES } from '../schedules/job-schedules';
import { createTestWorker } from '../test/test-worker';
import { DailyRemindersService } from './daily-reminders.service';
import { QueueFailuresNotifier } from './queue-failures.notifier';
import { ReminderFixture } from './reminders.fixtures';

/**
 * The notices of issue #14 beyond the reminder stages: a requirement after a transfer,
 * nothing for deactivated people, the certificate issued by the real job, the official
 * report and queue failures for sysadmins. In-app only here (the SMTP path has its spec).
 */
describe('notices: transfers, deactivated people, certificates, sysadmins (real worker)', () => {
  let make: ReminderFixture;
  let reminders: DailyRemindersService;
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_notices',
    storagePrefix: 'dx-worker-notices-',
  });

  beforeAll(async () => {
    await worker.start();
    make = new ReminderFixture(worker.db);
    reminders = worker.app.get(DailyRemindersService);
  });
  afterAll(() => worker.stop());

  const notices = (userId: string, type: string) =>
    worker.db.query<{ title: string; body: string; link: string; eventKey: string }[]>(
      `SELECT title, body, link, event_key AS "eventKey" FROM notification
        WHERE user_id = $1 AND type = $2 ORDER BY created_at`,
      [userId, type],
    );

  it('announces the requirement of the new unit after a transfer, once; the old one is not repeated', async () => {
    const from = await make.unit('Tỉnh Lai Châu');
    const to = await make.unit('Tỉnh Tuyên Quang');
    const mover = await make.person(from);
    await make.requirement(from, { dueDate: '2026-12-31' });
    await make.requirement(to, { dueDate: '2026-12-31', hours: 12 });

    await reminders.run('2026-10-01');
    expect(await notices(mover.id, 'requirement-applies')).toHaveLength(1);
    await worker.db.query(`UPDATE app_user SET org_unit_id = $2 WHERE id = $1`, [mover.id, to.id]);
    await reminders.run('2026-10-02');
    await reminders.run('2026-10-03');
    const told = await notices(mover.id, 'requirement-applies');
    expect(told.map((n) => n.title)).toEqual([
      'Yêu cầu bồi dưỡng năm 2026: 8 giờ trước ngày 31/12/2026',
      'Yêu cầu bồi dưỡng năm 2026: 12 giờ trước ngày 31/12/2026',
    ]);
  });

  it('never tells a deactivated person anything, nor counts them in a digest', async () => {
    const unit = await make.unit('Tỉnh Bắc Kạn');
    const gone = await make.person(unit);
    const hr = await make.person(unit, { roles: ['learner', 'hr'], dxRole: 'none' });
    const goneHr = await make.person(unit, { roles: ['learner', 'hr'], dxRole: 'none' });
    await make.person(unit); // the one overdue person who counts
    await make.requirement(unit, { dueDate: '2026-12-31' });
    await worker.db.query(`UPDATE app_user SET active = false WHERE id = ANY ($1)`, [
      [gone.id, goneHr.id],
    ]);

    for (const today of ['2026-11-01', '2026-12-01', '2026-12-30', '2027-01-04']) {
      await reminders.run(today);
    }
    expect(await make.eventKeys(gone.id)).toEqual([]);
    expect(await make.eventKeys(goneHr.id)).toEqual([]);
    const [digest] = await notices(hr.id, 'hr-digest');
    expect(digest.title).toBe('Tổng hợp tuần 01/2027: 1 người quá hạn bồi dưỡng');
  });

  it('tells the holder once that the certificate job issued it, with the verify link and code', async () => {
    const { certificates } = await requestCertificates(worker.db, 1, 'Hoàng Văn Thụ');
    const holder = certificates[0].userId ?? '';
    await eventually(async () => (await notices(holder, 'certificate-issued')).length > 0, 60_000);
    // The same job again (a retry after a lost acknowledgement): no second notice.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Certificates));
    const again = await queue.add(CertificateJob.Issue, { certificateId: certificates[0].id });
    await eventually(async () => (await again.isCompleted()) || (await again.isFailed()), 30_000);
    const [{ serial, verifyCode }] = await worker.db.query(
      `SELECT serial, verify_code AS "verifyCode" FROM certificate WHERE id = $1`,
      [certificates[0].id],
    );
    const told = await notices(holder, 'certificate-issued');
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(
      'Chứng chỉ "Chuyển đổi số cơ bản cho cán bộ, công chức" đã được cấp',
    );
    expect(told[0].link).toBe(`/verify/${serial}?c=${verifyCode}`);
  });

  it('tells every active sysadmin, once, that the official yearly report is ready', async () => {
    const unit = await make.unit('Cả nước (thử)');
    const admin = await make.person(unit, { roles: ['sysadmin'], dxRole: 'none' });
    const retired = await make.person(unit, { roles: ['sysadmin'], dxRole: 'none' });
    await worker.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [retired.id]);
    const report = await new CoverageFixture(worker.db).report(unit, 2025);
    await worker.db.query(`UPDATE coverage_report SET official = true WHERE id = $1`, [report.id]);
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Reports));
    await queue.add(ReportJob.Coverage, { reportId: report.id }, { jobId: report.jobId });
    await eventually(async () => (await notices(admin.id, 'report-ready')).length > 0, 60_000);
    expect((await notices(admin.id, 'report-ready'))[0].title).toBe(
      'Báo cáo chính thức năm 2025 đã được lập',
    );
    expect(await notices(retired.id, 'report-ready')).toEqual([]);
  });

  it('gives sysadmins one daily notice of the jobs that failed for good the day before, per queue', async () => {
    const unit = await make.unit('Cục Chuyển đổi số (thử)');
    const admin = await make.person(unit, { roles: ['sysadmin'], dxRole: 'none' });
    const system = worker.app.get<Queue>(getQueueToken(QueueName.System));
    // A job no handler knows fails for good at once (UnrecoverableError), as a broken one would.
    const broken = await Promise.all(
      [1, 2, 3].map((i) => system.add('no-such-job' as SystemJob, { i }, { attempts: 1 })),
    );
    await eventually(async () =>
      (await Promise.all(broken.map((j) => j.isFailed()))).every(Boolean),
    );
    const failedDay = calendarDate(worker.config.reportsTimeZone);
    const nextDay = new Date(`${failedDay}T00:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 1);
    const today = nextDay.toISOString().slice(0, 10);

    const notifier = worker.app.get(QueueFailuresNotifier);
    // The day of the failures itself counts the day before it: nothing failed then.
    expect((await notifier.run(failedDay)).notified).toBe(0);
    const outcome = await notifier.run(today);
    expect(outcome.failed).toEqual({ system: 3 });
    await notifier.run(today); // the same day again: no second notice
    const told = await notices(admin.id, 'queue-failures');
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(
      `3 tác vụ nền bị lỗi ngày ${failedDay.split('-').reverse().join('/')}`,
    );
    expect(told[0].body).toContain('system: 3');
    expect(told[0].link).toBe('/system/queues');

    // Through the scheduled job too: the daily run ends with this notice.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Notifications));
    const job = await queue.add(NotificationJob.DailyReminders, { today });
    await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
    expect(await job.isCompleted()).toBe(true);
    expect(await notices(admin.id, 'queue-failures')).toHaveLength(1);
  });

  it('purges the notices of more than 12 months in the scheduled daily run', async () => {
    // The calendar job that runs it: the daily reminders, whose run ends with the purge.
    const schedule = JOB_SCHEDULES.find((j) => j.id === DAILY_REMINDERS_SCHEDULER_ID);
    expect(schedule?.job).toBe(NotificationJob.DailyReminders);
    const unit = await make.unit('Xã Mường Nhé');
    const person = await make.person(unit);
    for (const [key, at] of [
      ['old', '2025-02-27T09:00:00+07:00'],
      ['kept', '2025-03-02T09:00:00+07:00'],
    ])
      await worker.db.query(
        `INSERT INTO notification (user_id, type, event_key, title, body, created_at)
         VALUES ($1, 'report-ready', $2, 'Báo cáo đã sẵn sàng', 'Báo cáo đã được lập.', $3)`,
        [person.id, key, at],
      );
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Notifications));
    const job = await queue.add(NotificationJob.DailyReminders, { today: '2026-03-01' });
    await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
    expect(await job.isCompleted()).toBe(true);
    expect(await make.eventKeys(person.id)).toEqual(['kept']);
  });
});
