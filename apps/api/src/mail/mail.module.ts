import { MailService } from '@dx/db';
import { Global, Module } from '@nestjs/common';

/**
 * `MailService.enqueue(tx, …)` for every feature: mail is written with the decision that
 * causes it, and the worker sends it (apps/worker/src/mail).
 */
@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
