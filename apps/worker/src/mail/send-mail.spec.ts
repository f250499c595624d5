import { MailTemplate, MailTemplateParams } from '@dx/contracts';
import { MailEntity, MailService } from '@dx/db';
import { DataSource, In } from 'typeorm';
import { eventually } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';

function activation(i: number): MailTemplateParams['activation-code'] {
  return {
    fullName: `Nguyễn Thị Hồng ${i}`,
    username: `hong.nt${i}`,
    code: `ABCD-EFGH-JKMN-${String(i).padStart(4, '0')}`,
    expiresAt: '2026-12-21T02:30:00.000Z',
    activateUrl: 'https://dx.example.gov.vn/activate',
  };
}

async function enqueue<T extends MailTemplate>(
  db: DataSource,
  to: string,
  template: T,
  params: MailTemplateParams[T],
  key: string,
): Promise<string | null> {
  return db.transaction((tx) =>
    new MailService().enqueue(tx, { to, template, params, idempotencyKey: key }),
  );
}

describe('mail pipeline (real worker, SMTP server, Redis and PostgreSQL)', () => {
  const env: Record<string, string> = {
    MAIL_FROM: 'Học viện CĐS <no-reply@dx.example.gov.vn>',
    MAIL_RETRY_MAX_SECONDS: '1',
  };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_mail',
    storagePrefix: 'dx-worker-mail-',
    env,
    smtp: true,
  });

  beforeAll(() => worker.start());

  afterAll(() => worker.stop());

  it('sends a Vietnamese activation mail as plain text and HTML, then forgets its secrets', async () => {
    const id = await enqueue(
      worker.db,
      'hong1@example.vn',
      'activation-code',
      activation(1),
      'a-1',
    );
    await worker.smtp.waitForCount(1);
    const [mail] = worker.smtp.to('hong1@example.vn');
    expect(mail.from).toBe('no-reply@dx.example.gov.vn');
    expect(mail.parsed.subject).toBe('Mã kích hoạt tài khoản DX Academy');
    expect(mail.parsed.from?.text).toContain('Học viện CĐS');
    expect(mail.parsed.text).toContain('Kính gửi Nguyễn Thị Hồng 1,');
    expect(mail.parsed.text).toContain('Mã kích hoạt: ABCD-EFGH-JKMN-0001');
    // 02:30 UTC is 09:30 in Hà Nội.
    expect(mail.parsed.text).toContain('hiệu lực đến 21/12/2026 09:30');
    expect(mail.parsed.html).toContain('<strong>hong.nt1</strong>');
    expect(mail.parsed.messageId).toBe(`<${id}@dx-academy>`);

    await eventually(
      async () =>
        (await worker.db.getRepository(MailEntity).findOneByOrFail({ id: id as string })).status ===
        'sent',
    );
    const row = await worker.db.getRepository(MailEntity).findOneByOrFail({ id: id as string });
    expect(row).toMatchObject({ status: 'sent', params: null, attempts: 1, lastError: null });
  });

  it('escapes what people typed into the HTML part', async () => {
    const before = worker.smtp.messages.length;
    await enqueue(
      worker.db,
      'x@example.vn',
      'password-reset',
      {
        fullName: '<script>alert(1)</script>',
        resetUrl: 'https://dx.example.gov.vn/reset-password?token=abc',
        validMinutes: 30,
      },
      'r-1',
    );
    await worker.smtp.waitForCount(before + 1);
    const [mail] = worker.smtp.to('x@example.vn');
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.html).toContain('&lt;script&gt;');
    expect(mail.parsed.text).toContain('https://dx.example.gov.vn/reset-password?token=abc');
  });

  it('writes one mail for one idempotency key, however often it is enqueued', async () => {
    const first = await enqueue(
      worker.db,
      'dup@example.vn',
      'activation-code',
      activation(2),
      'dup',
    );
    const second = await enqueue(
      worker.db,
      'dup@example.vn',
      'activation-code',
      activation(2),
      'dup',
    );
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await eventually(async () => worker.smtp.to('dup@example.vn').length === 1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(worker.smtp.to('dup@example.vn')).toHaveLength(1);
  });

  it('loses nothing and sends nothing twice when the mail server goes away mid-batch', async () => {
    const count = 40;
    const addresses = Array.from({ length: count }, (_, i) => `batch${i}@example.vn`);
    const ids = await Promise.all(
      addresses.map((to, i) =>
        enqueue(worker.db, to, 'activation-code', activation(100 + i), `batch-${i}`),
      ),
    );
    // Wait for the first few deliveries, then take the server away for a while.
    await eventually(async () => addresses.some((a) => worker.smtp.to(a).length > 0), 20_000, 20);
    await worker.smtp.stop();
    const deliveredDuringOutage = addresses.filter((a) => worker.smtp.to(a).length > 0).length;
    await new Promise((r) => setTimeout(r, 2_500));
    const failedMeanwhile = await worker.db
      .getRepository(MailEntity)
      .countBy({ id: In(ids as string[]), status: 'pending' });
    expect(failedMeanwhile).toBeGreaterThan(0);
    await worker.smtp.start();

    await eventually(
      async () =>
        (await worker.db
          .getRepository(MailEntity)
          .countBy({ id: In(ids as string[]), status: 'sent' })) === count,
      30_000,
    );
    expect(deliveredDuringOutage).toBeLessThan(count);
    for (const address of addresses) expect(worker.smtp.to(address)).toHaveLength(1);
    const retried = await worker.db
      .getRepository(MailEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids })
      .andWhere('m.attempts > 1')
      .getCount();
    expect(retried).toBeGreaterThan(0);
  });
});

describe('mail pipeline without SMTP_URL', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_nomail',
    storagePrefix: 'dx-worker-nomail-',
  });
  beforeAll(() => worker.start());
  afterAll(() => worker.stop());

  it('marks mail skipped, sends nothing and keeps no secret', async () => {
    const id = await enqueue(
      worker.db,
      'nobody@example.vn',
      'activation-code',
      activation(9),
      'skip-1',
    );
    await eventually(
      async () =>
        (await worker.db.getRepository(MailEntity).findOneByOrFail({ id: id as string })).status ===
        'skipped',
    );
    const row = await worker.db.getRepository(MailEntity).findOneByOrFail({ id: id as string });
    expect(row).toMatchObject({ params: null, sentAt: null });
  });
});
