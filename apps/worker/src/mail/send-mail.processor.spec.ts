import type { AppConfig } from '@dx/config';
import type { Queue } from 'bullmq';
import type { MailSenderService } from './mail-sender.service';
import { SendMailProcessor } from './send-mail.processor';

describe('mail retry delay', () => {
  const processor = new SendMailProcessor(
    {} as MailSenderService,
    { mail: { retryMaxSeconds: 300 } } as AppConfig,
    {} as Queue,
  );

  it('doubles from one second and stops at MAIL_RETRY_MAX_SECONDS', () => {
    expect([1, 2, 3, 4, 9, 10].map((n) => processor.retryDelayMs(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 256_000, 300_000,
    ]);
    expect(processor.retryDelayMs(Number.MAX_SAFE_INTEGER)).toBe(300_000);
  });
});
