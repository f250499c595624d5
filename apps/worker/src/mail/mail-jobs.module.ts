import { workerSettingsFromConfig } from '@dx/queues';
import { Module } from '@nestjs/common';
import { MailPace } from './mail-pace';
import { MailSenderService } from './mail-sender.service';
import { PriorityMailProcessor } from './priority-mail.processor';
import { SendMailProcessor } from './send-mail.processor';

@Module({
  providers: [
    MailSenderService,
    MailPace,
    SendMailProcessor,
    PriorityMailProcessor,
    // One job is one mail on the priority queue: BullMQ's limiter counts them exactly.
    workerSettingsFromConfig(PriorityMailProcessor, (config) => ({
      limiter: { max: config.mail.ratePerSecond, duration: 1_000 },
    })),
  ],
})
export class MailJobsModule {}
