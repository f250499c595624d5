import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single mails (activation code, password reset) moved to the `mail-priority` queue, so
 * they never wait behind a bulk backlog. Outbox rows written before, not yet relayed, are
 * pointed at it (the relay takes the queue from the row). Jobs already in Redis under
 * `mail` must be drained before the upgrade: the mail queue no longer handles `send-mail`.
 */
export class PriorityMailQueue1796646072169 implements MigrationInterface {
  name = 'PriorityMailQueue1796646072169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "outbox" SET "queue" = 'mail-priority' WHERE "job_name" = 'send-mail' AND "sent_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "outbox" SET "queue" = 'mail' WHERE "job_name" = 'send-mail' AND "sent_at" IS NULL`,
    );
  }
}
