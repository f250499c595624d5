import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796614908478 implements MigrationInterface {
  name = 'AddNotifications1796614908478';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "event_key" character varying(200) NOT NULL, "title" character varying(255) NOT NULL, "body" text NOT NULL, "link" character varying(512), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_created" ON "notification"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_user_created" ON "notification"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_user_event" ON "notification"  ("user_id", "event_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "mail" boolean NOT NULL, CONSTRAINT "PK_98793ae4db877d281012dc55998" PRIMARY KEY ("user_id", "type"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // A mail refused for good (malformed address) is recorded as failed, not retried forever.
    await queryRunner.query(`ALTER TABLE "mail" DROP CONSTRAINT "ck_mail_status"`);
    await queryRunner.query(
      `ALTER TABLE "mail" ADD CONSTRAINT "ck_mail_status" CHECK ("status" IN ('pending', 'sent', 'skipped', 'failed'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail" DROP CONSTRAINT "ck_mail_status"`);
    await queryRunner.query(
      `ALTER TABLE "mail" ADD CONSTRAINT "ck_mail_status" CHECK ("status" IN ('pending', 'sent', 'skipped'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`,
    );
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_user_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_created"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
