import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddActivationSlipBatches1796633000000 implements MigrationInterface {
  name = 'AddActivationSlipBatches1796633000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "activation_slip_batch" ("id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "unit_path" text COLLATE "C" NOT NULL, "unit_code" character varying(64) NOT NULL, "unit_name" character varying(255) NOT NULL, "requested_by" uuid, "state" character varying(16) NOT NULL DEFAULT 'waiting', "progress" smallint NOT NULL DEFAULT '0', "count" integer, "expires_at" TIMESTAMP WITH TIME ZONE, "pdf_key" character varying(512), "xlsx_key" character varying(512), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_activation_slip_batch_state" CHECK ("state" IN ('waiting', 'active', 'completed', 'failed')), CONSTRAINT "PK_550822de8c70bb51b6271585bcd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_activation_slip_batch_requester" ON "activation_slip_batch" ("requested_by", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_activation_slip_batch_requester"`);
    await queryRunner.query(`DROP TABLE "activation_slip_batch"`);
  }
}
