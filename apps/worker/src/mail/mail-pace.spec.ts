import { MailEntity, MailService } from '@dx/db';
import { eventually } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { bulkNotified } from './mail.fixtures';

const RATE = 50;
// Seconds of real mail at RATE, on a machine that may be busy.
jest.setTimeout(120_000);

describe('mail pace and priority (real worker, SMTP server, Redis and PostgreSQL)', () => {
  const env: Record<string, string> = {
    MAIL_RATE_PER_SECOND: String(RATE),
    MAIL_RETRY_MAX_SECONDS: '1',
  };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_mailpace',
    storagePrefix: 'dx-worker-mailpace-',
    env,
    smtp: true,
  });

  beforeAll(() => worker.start());

  afterAll(() => worker.stop());

  it('sends N bulk mails in no less than N / MAIL_RATE_PER_SECOND seconds, and not much more', async () => {
    // 6 batches of 50: with four batches running at once, the old pacing let 200 leave in
    // the first second.
    const n = 300;
    await bulkNotified(worker.db, 'pace', n);
    const committed = Date.now();
    const arrivals: number[] = [];
    await eventually(
      async () => {
        while (arrivals.length < worker.smtp.accepted) arrivals.push(Date.now());
        return worker.smtp.accepted >= n;
      },
      60_000,
      10,
    );
    const seconds = (arrivals[n - 1] - committed) / 1_000;
    expect(seconds).toBeGreaterThanOrEqual(n / RATE);
    expect(seconds).toBeLessThan(n / RATE + 30);
    // Nor in bursts: half the mails take at least half the time.
    expect((arrivals[n / 2 - 1] - committed) / 1_000).toBeGreaterThanOrEqual(n / 2 / RATE);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(worker.smtp.accepted).toBe(n);
  });

  it('delivers a password reset within seconds while a large reminder backlog waits', async () => {
    const before = worker.smtp.accepted;
    // 3,000 reminders are a minute of mail at this rate.
    const backlog = 3_000;
    await bulkNotified(worker.db, 'backlog', backlog);
    // The backlog is in Redis (the relay moved every batch) and sending has begun.
    await eventually(async () => worker.smtp.accepted > before, 20_000, 20);
    const asked = Date.now();
    await worker.db.transaction((tx) =>
      new MailService().enqueue(tx, {
        to: 'quen.matkhau@example.vn',
        template: 'password-reset',
        params: {
          fullName: 'Trần Thị Quên',
          resetUrl: 'https://dx.example.gov.vn/reset-password?token=abc',
          validMinutes: 30,
        },
        idempotencyKey: 'reset-during-backlog',
      }),
    );
    await eventually(
      async () => worker.smtp.to('quen.matkhau@example.vn').length === 1,
      10_000,
      20,
    );
    const waited = (Date.now() - asked) / 1_000;
    const backlogSent = worker.smtp.accepted - before - 1;
    expect(waited).toBeLessThan(5);
    // Most of the backlog is still waiting: the reset did not come after it.
    expect(backlogSent).toBeLessThan(backlog / 2);
    const pending = await worker.db
      .getRepository(MailEntity)
      .countBy({ template: 'notification', status: 'pending' });
    expect(pending).toBeGreaterThan(backlog / 2);
  });
});
