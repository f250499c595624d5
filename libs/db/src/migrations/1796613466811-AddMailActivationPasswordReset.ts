import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMailActivationPasswordReset1796613466811 implements MigrationInterface {
  name = 'AddMailActivationPasswordReset1796613466811';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient" character varying(255) NOT NULL, "user_id" uuid, "template" character varying(64) NOT NULL, "params" jsonb, "idempotency_key" character varying(200) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_mail_status" CHECK ("status" IN ('pending', 'sent', 'skipped')), CONSTRAINT "PK_5407da42b983ba54c6c62d462d3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_mail_user" ON "mail"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_idempotency_key" ON "mail"  ("idempotency_key") `);
    await queryRunner.query(`CREATE TABLE "activation_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "replaced_at" TIMESTAMP WITH TIME ZONE, "issued_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88ca3a5670491a970e48567065b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_activation_code_open_user" ON "activation_code"  ("user_id") WHERE "used_at" IS NULL AND "replaced_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_838af121380dfe3a6330e04f5bb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_password_reset_token_user" ON "password_reset_token"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_reset_token_hash" ON "password_reset_token"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "mail" ADD CONSTRAINT "FK_c22035b7ce4b93e89422b216da4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activation_code" ADD CONSTRAINT "FK_eb3d5fb1322a152bc8be3015b83" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "password_reset_token" ADD CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "FK_7eabb22ed38459ffc24dc8b415d"`);
    await queryRunner.query(`ALTER TABLE "activation_code" DROP CONSTRAINT "FK_eb3d5fb1322a152bc8be3015b83"`);
    await queryRunner.query(`ALTER TABLE "mail" DROP CONSTRAINT "FK_c22035b7ce4b93e89422b216da4"`);
    await queryRunner.query(`DROP INDEX "public"."uq_password_reset_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_password_reset_token_user"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_activation_code_open_user"`);
    await queryRunner.query(`DROP TABLE "activation_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_user"`);
    await queryRunner.query(`DROP TABLE "mail"`);
  }
}
