import { NotificationJob, QueueName, ReportJob } from '@dx/contracts';
import { MailEntity } from '@dx/db';
import { CoverageFixture, eventually } from '@dx/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createTestWorker } from '../test/test-worker';
import { DailyRemindersService } from './daily-reminders.service';
import { ReminderFixture } from './reminders.fixtures';

describe('requirement reminders (real worker, SMTP server, Redis and PostgreSQL)', () => {
  let make: ReminderFixture;
  let reminders: DailyRemindersService;
  const env: Record<string, string> = {
    MAIL_FROM: 'Học viện CĐS <no-reply@dx.example.gov.vn>',
    MAIL_RETRY_MAX_SECONDS: '1',
    PUBLIC_BASE_URL: 'https://dx.example.gov.vn',
  };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_reminders',
    storagePrefix: 'dx-worker-reminders-',
    env,
    smtp: true,
  });

  beforeAll(async () => {
    await worker.start();
    make = new ReminderFixture(worker.db);
    reminders = worker.app.get(DailyRemindersService);
  });

  afterAll(() => worker.stop());

  const mailsOf = (userId: string) =>
    worker.db.getRepository(MailEntity).findBy({ userId, template: 'notification' });

  it('gives each person of the unit one inbox item and one mail, once, through the scheduled job', async () => {
    const province = await make.unit('Tỉnh Lào Cai');
    const commune = await make.unit('Xã Bắc Hà', province);
    const a = await make.person(commune, { fullName: 'Lê Thị Mai' });
    const b = await make.person(province, { dxRole: 'part_time' });
    const noEmail = await make.person(commune, { email: null });
    const notDx = await make.person(commune, { dxRole: 'none' });
    const outside = await make.person(await make.unit('Tỉnh Yên Bái'));
    await make.requirement(province, { dueDate: '2026-12-31', hours: 8.5 });

    // Through the queue, as the scheduler runs it, with the date as the job's input.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Notifications));
    const job = await queue.add(NotificationJob.DailyReminders, { today: '2026-11-01' });
    await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
    expect(await job.isCompleted()).toBe(true);
    await reminders.run('2026-11-01'); // a second run (or worker) adds nothing

    for (const p of [a, b, noEmail]) {
      expect(await make.eventKeys(p.id)).toEqual(['requirement-applies']);
    }
    expect(await make.eventKeys(notDx.id)).toEqual([]);
    expect(await make.eventKeys(outside.id)).toEqual([]);
    expect(await mailsOf(noEmail.id)).toHaveLength(0);

    await eventually(
      async () =>
        worker.smtp.to(a.email ?? '').length > 0 && worker.smtp.to(b.email ?? '').length > 0,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(worker.smtp.to(a.email ?? '')).toHaveLength(1);
    expect(worker.smtp.to(b.email ?? '')).toHaveLength(1);
    const mail = worker.smtp.to(a.email ?? '')[0].parsed;
    expect(mail.subject).toBe('Yêu cầu bồi dưỡng năm 2026: 8,5 giờ trước ngày 31/12/2026');
    expect(mail.text).toContain('Kính gửi Lê Thị Mai,');
    expect(mail.text).toContain('hạn cuối ngày 31/12/2026. Số giờ đã có: 0.');
    expect(mail.text).toContain('Xem chi tiết: https://dx.example.gov.vn/my-learning');
    expect(mail.text).toContain('Anh/chị nhận thư này vì anh/chị thuộc đối tượng');
    expect(mail.text).toContain('Thay đổi tùy chọn nhận thư tại https://dx.example.gov.vn/me');
  });

  it('two runs of one day at once (two workers, or a rerun after a crash) notify and mail each person once', async () => {
    const unit = await make.unit('Tỉnh Lai Châu');
    const people: { id: string; email: string | null }[] = [];
    for (let i = 0; i < 12; i++) people.push(await make.person(unit));
    await make.requirement(unit, { dueDate: '2026-12-31' });

    // Batches of 5 people, each committed on its own: the runs overlap batch by batch.
    await Promise.all([reminders.run('2026-11-01', 5), reminders.run('2026-11-01', 5)]);
    await reminders.run('2026-11-01', 5);

    for (const p of people) {
      expect(await make.eventKeys(p.id)).toEqual(['requirement-applies']);
      expect(await mailsOf(p.id)).toHaveLength(1);
    }
    await eventually(
      async () => people.every((p) => worker.smtp.to(p.email ?? '').length > 0),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    for (const p of people) expect(worker.smtp.to(p.email ?? '')).toHaveLength(1);
  });

  it("resumes a run cut off mid-way (one batch's connection killed, others committed): one inbox item and one mail each", async () => {
    const unit = await make.unit('Tỉnh Tuyên Quang');
    const people: { id: string; email: string | null }[] = [];
    for (let i = 0; i < 20; i++) people.push(await make.person(unit));
    const requirementId = await make.requirement(unit, { dueDate: '2026-12-31' });
    people.sort((x, y) => (x.id < y.id ? -1 : 1)); // the run's order: batches by id range
    const cut = people[10];

    // A transaction holding the cut person's (person, event) key makes that person's batch
    // wait on its insert, in the middle of the run, while the batches around it commit.
    const holder = worker.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(
      `INSERT INTO notification (user_id, type, event_key, title, body)
       VALUES ($1, 'requirement-applies', $2, 'chặn', 'chặn')`,
      [cut.id, `requirement-applies:${requirementId}`],
    );
    const run = reminders.run('2026-11-01', 5);
    run.catch(() => undefined); // awaited below
    try {
      let waiting: number | undefined;
      await eventually(async () => {
        const [row] = await worker.db.query(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event = 'transactionid'`,
        );
        waiting = row?.pid;
        return waiting !== undefined;
      });
      await worker.db.query(`SELECT pg_terminate_backend($1)`, [waiting]);
      await expect(run).rejects.toThrow(/terminat/i);
    } finally {
      await holder.rollbackTransaction(); // never leave the batch waiting for the next tests
      await holder.release();
    }

    // Cut mid-way: part of the people have their notice, mail and outbox row, the rest not.
    const told = [];
    for (const p of people) if ((await make.eventKeys(p.id)).length > 0) told.push(p);
    expect(told.length).toBeGreaterThan(0);
    expect(told.length).toBeLessThan(people.length);
    expect(told).not.toContainEqual(cut);
    const [{ queued }] = await worker.db.query(
      `SELECT count(*)::int AS queued FROM outbox o, mail m
        WHERE m.user_id = ANY ($1) AND o.payload -> 'mailIds' ? m.id::text`,
      [told.map((p) => p.id)],
    );
    expect(queued).toBe(told.length);

    await reminders.run('2026-11-01', 5); // the retry
    for (const p of people) {
      expect(await make.eventKeys(p.id)).toEqual(['requirement-applies']);
      expect(await mailsOf(p.id)).toHaveLength(1);
    }
    await eventually(
      async () => people.every((p) => worker.smtp.to(p.email ?? '').length > 0),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    for (const p of people) expect(worker.smtp.to(p.email ?? '')).toHaveLength(1);
  });

  it('sends the 30, 7 and 1-day reminders and the overdue one once each, while not met', async () => {
    const unit = await make.unit('Tỉnh Hà Giang');
    const late = await make.person(unit);
    const done = await make.person(unit);
    await make.requirement(unit, { dueDate: '2026-12-31' });
    await make.trained(done.id, 2026, 8);

    const expected: [string, string[]][] = [
      ['2026-11-01', ['requirement-applies']],
      ['2026-11-20', ['requirement-applies']],
      ['2026-12-01', ['requirement-applies', 'requirement-due-30']],
      ['2026-12-02', ['requirement-applies', 'requirement-due-30']],
      ['2026-12-24', ['requirement-applies', 'requirement-due-30', 'requirement-due-7']],
      [
        '2026-12-30',
        ['requirement-applies', 'requirement-due-1', 'requirement-due-30', 'requirement-due-7'],
      ],
      [
        '2026-12-31',
        ['requirement-applies', 'requirement-due-1', 'requirement-due-30', 'requirement-due-7'],
      ],
    ];
    for (const [today, keys] of expected) {
      await reminders.run(today);
      expect({ today, keys: await make.eventKeys(late.id) }).toEqual({ today, keys });
    }
    for (const today of ['2027-01-01', '2027-01-02', '2027-01-15']) await reminders.run(today);
    expect(await make.eventKeys(late.id)).toEqual([
      'requirement-applies',
      'requirement-due-1',
      'requirement-due-30',
      'requirement-due-7',
      'requirement-overdue',
    ]);
    // Met from the start: told once that it applies, never chased.
    expect(await make.eventKeys(done.id)).toEqual(['requirement-applies']);

    await eventually(async () => worker.smtp.to(late.email ?? '').length >= 5);
    await new Promise((r) => setTimeout(r, 1_000));
    const subjects = worker.smtp.to(late.email ?? '').map((m) => m.parsed.subject);
    expect(subjects).toHaveLength(5);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Còn 30 ngày đến hạn bồi dưỡng năm 2026',
        'Còn 7 ngày đến hạn bồi dưỡng năm 2026',
        'Còn 1 ngày đến hạn bồi dưỡng năm 2026',
        'Đã quá hạn bồi dưỡng năm 2026',
      ]),
    );
  });

  it('sends each HR officer one weekly digest of their subtree with the overdue counts', async () => {
    const province = await make.unit('Tỉnh Cao Bằng');
    const east = await make.unit('Xã Đông Khê', province);
    const west = await make.unit('Xã Tây Sơn', province);
    const hr = await make.person(province, { roles: ['learner', 'hr'], dxRole: 'none' });
    const communeHr = await make.person(west, { roles: ['learner', 'hr'], dxRole: 'none' });
    await make.person(east);
    await make.person(east);
    await make.person(west);
    const met = await make.person(west);
    await make.trained(met.id, 2026, 8);
    await make.requirement(province, { dueDate: '2026-12-31' });

    await reminders.run('2027-01-04'); // Monday
    await reminders.run('2027-01-06'); // same ISO week: nothing more
    const digests = async (userId: string) =>
      worker.db.query(
        `SELECT title, body, link FROM notification WHERE user_id = $1 AND type = 'hr-digest'`,
        [userId],
      );
    const [digest, ...more] = await digests(hr.id);
    expect(more).toHaveLength(0);
    expect(digest.title).toBe('Tổng hợp tuần 01/2027: 3 người quá hạn bồi dưỡng');
    expect(digest.body).toBe(
      'Tỉnh Cao Bằng: 3 người chưa hoàn thành yêu cầu bồi dưỡng đã quá hạn. ' +
        'Đơn vị nhiều nhất: Xã Đông Khê (2), Xã Tây Sơn (1).',
    );
    expect(digest.link).toContain('status=untrained');
    const [communeDigest] = await digests(communeHr.id);
    expect(communeDigest.title).toBe('Tổng hợp tuần 01/2027: 1 người quá hạn bồi dưỡng');

    await reminders.run('2027-01-11'); // the next week
    expect(await digests(hr.id)).toHaveLength(2);
    await eventually(async () => worker.smtp.to(hr.email ?? '').length === 2);
  });

  it('loses nothing and sends nothing twice when the mail server stops mid-batch; a bad address fails alone', async () => {
    const unit = await make.unit('Tỉnh Sơn La');
    const people: { id: string; email: string | null }[] = [];
    for (let i = 0; i < 30; i++) people.push(await make.person(unit));
    const malformed = await make.person(unit, { email: 'không hợp lệ@@example' });
    await make.requirement(unit, { dueDate: '2026-12-31' });

    await reminders.run('2026-11-01', 7); // small batches: five transactions
    await eventually(
      async () => people.some((p) => worker.smtp.to(p.email ?? '').length > 0),
      20_000,
      20,
    );
    await worker.smtp.stop();
    await new Promise((r) => setTimeout(r, 2_000));
    await worker.smtp.start();

    await eventually(
      async () => people.every((p) => worker.smtp.to(p.email ?? '').length > 0),
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    for (const p of people) expect(worker.smtp.to(p.email ?? '')).toHaveLength(1);
    // The outage did hit the batch: some mails needed a second try.
    const [{ retried }] = await worker.db.query(
      `SELECT count(*)::int AS retried FROM mail WHERE user_id = ANY ($1) AND attempts > 1`,
      [people.map((p) => p.id)],
    );
    expect(retried).toBeGreaterThan(0);
    const [bad] = await mailsOf(malformed.id);
    expect(bad).toMatchObject({ status: 'failed', params: null });
    expect(bad.lastError).toMatch(/recipient/i);
    expect(await make.eventKeys(malformed.id)).toEqual(['requirement-applies']);
  });

  it('tells whoever asked for a coverage report, once, when it is ready', async () => {
    const unit = await make.unit('Tỉnh Điện Biên');
    const hr = await make.person(unit, { roles: ['learner', 'hr'] });
    const report = await new CoverageFixture(worker.db).report(unit, 2025);
    await worker.db.query(`UPDATE coverage_report SET requested_by = $2 WHERE id = $1`, [
      report.id,
      hr.id,
    ]);
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Reports));
    await queue.add(ReportJob.Coverage, { reportId: report.id }, { jobId: report.jobId });
    await eventually(async () => (await make.eventKeys(hr.id)).includes('report-ready'), 60_000);
    const [notice] = await worker.db.query(
      `SELECT title, link FROM notification WHERE user_id = $1 AND type = 'report-ready'`,
      [hr.id],
    );
    expect(notice).toEqual({
      title: 'Báo cáo độ phủ bồi dưỡng năm 2025 đã sẵn sàng',
      link: `/reports/${report.id}`,
    });
    await eventually(async () => worker.smtp.to(hr.email ?? '').length === 1);
  });
});
