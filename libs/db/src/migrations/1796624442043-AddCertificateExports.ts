import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCertificateExports1796624442043 implements MigrationInterface {
  name = 'AddCertificateExports1796624442043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate_export" ("id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "unit_path" text COLLATE "C" NOT NULL, "unit_code" character varying(64) NOT NULL, "unit_name" character varying(255) NOT NULL, "year" smallint NOT NULL, "format" character varying(8) NOT NULL, "requested_by" uuid, "state" character varying(16) NOT NULL DEFAULT 'waiting', "progress" smallint NOT NULL DEFAULT '0', "count" integer, "file_key" character varying(512), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_certificate_export_state" CHECK ("state" IN ('waiting', 'active', 'completed', 'failed')), CONSTRAINT "ck_certificate_export_format" CHECK ("format" IN ('zip', 'xlsx', 'pdf')), CONSTRAINT "PK_fd94cc6ce07cb9229a003cfc38c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_certificate_export_requester" ON "certificate_export"  ("requested_by", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_export_requester"`);
    await queryRunner.query(`DROP TABLE "certificate_export"`);
  }
}
