import { Module } from '@nestjs/common';
import { MailSenderService } from './mail-sender.service';
import { SendMailProcessor } from './send-mail.processor';

@Module({ providers: [MailSenderService, SendMailProcessor] })
export class MailJobsModule {}
