import { MigrationInterface, QueryRunner } from 'typeorm';

export class FileJobs1796645945458 implements MigrationInterface {
  name = 'FileJobs1796645945458';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "file_job" ("id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "unit_path" text COLLATE "C" NOT NULL, "unit_code" character varying(64) NOT NULL, "unit_name" character varying(255) NOT NULL, "requested_by" uuid, "state" character varying(16) NOT NULL DEFAULT 'waiting', "progress" smallint NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "total" integer, "count" integer, "year" smallint, "format" character varying(8), "file_key" character varying(512), "files_expire_at" TIMESTAMP WITH TIME ZONE, "files_deleted_at" TIMESTAMP WITH TIME ZONE, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "pdf_key" character varying(512), "xlsx_key" character varying(512), "people_status" character varying(16), "dx_role" character varying(16), "kind" character varying(32) NOT NULL, CONSTRAINT "ck_file_job_state" CHECK ("state" IN ('waiting', 'active', 'completed', 'failed')), CONSTRAINT "PK_242cffbad5f290e324fc7b09446" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_file_job_expiry" ON "file_job"  ("files_expire_at") WHERE "files_deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_file_job_requester" ON "file_job"  ("requested_by", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_706282c6bd23b540d58ad65509" ON "file_job"  ("kind") `,
    );
    // Move the two file jobs that existed before onto file_job (set-based, one transaction
    // with the rest of the migration: safe on a populated database). Files already made are
    // kept for the default retention (7 days) from the time they were finished.
    await queryRunner.query(`INSERT INTO "file_job" ("id", "kind", "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", "done", "total", "count", "expires_at", "pdf_key", "xlsx_key", "files_expire_at", "error", "created_at", "finished_at")
      SELECT "id", 'activation_slips', "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", coalesce("count", 0), "count", "count", "expires_at", "pdf_key", "xlsx_key", "finished_at" + interval '7 days', "error", "created_at", "finished_at"
        FROM "activation_slip_batch"`);
    await queryRunner.query(`INSERT INTO "file_job" ("id", "kind", "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", "done", "total", "count", "year", "format", "file_key", "files_expire_at", "error", "created_at", "finished_at")
      SELECT "id", 'certificate_export', "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", coalesce("count", 0), "count", "count", "year", "format", "file_key", "finished_at" + interval '7 days', "error", "created_at", "finished_at"
        FROM "certificate_export"`);
    await queryRunner.query(`DROP TABLE "activation_slip_batch"`);
    await queryRunner.query(`DROP TABLE "certificate_export"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The tables as AddCertificateExports and AddActivationSlipBatches made them, rows back.
    await queryRunner.query(
      `CREATE TABLE "certificate_export" ("id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "unit_path" text COLLATE "C" NOT NULL, "unit_code" character varying(64) NOT NULL, "unit_name" character varying(255) NOT NULL, "year" smallint NOT NULL, "format" character varying(8) NOT NULL, "requested_by" uuid, "state" character varying(16) NOT NULL DEFAULT 'waiting', "progress" smallint NOT NULL DEFAULT '0', "count" integer, "file_key" character varying(512), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_certificate_export_state" CHECK ("state" IN ('waiting', 'active', 'completed', 'failed')), CONSTRAINT "ck_certificate_export_format" CHECK ("format" IN ('zip', 'xlsx', 'pdf')), CONSTRAINT "PK_fd94cc6ce07cb9229a003cfc38c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_export_requester" ON "certificate_export"  ("requested_by", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "activation_slip_batch" ("id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "unit_path" text COLLATE "C" NOT NULL, "unit_code" character varying(64) NOT NULL, "unit_name" character varying(255) NOT NULL, "requested_by" uuid, "state" character varying(16) NOT NULL DEFAULT 'waiting', "progress" smallint NOT NULL DEFAULT '0', "count" integer, "expires_at" TIMESTAMP WITH TIME ZONE, "pdf_key" character varying(512), "xlsx_key" character varying(512), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_activation_slip_batch_state" CHECK ("state" IN ('waiting', 'active', 'completed', 'failed')), CONSTRAINT "PK_550822de8c70bb51b6271585bcd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_activation_slip_batch_requester" ON "activation_slip_batch" ("requested_by", "created_at") `,
    );
    await queryRunner.query(`INSERT INTO "certificate_export" ("id", "org_unit_id", "unit_path", "unit_code", "unit_name", "year", "format", "requested_by", "state", "progress", "count", "file_key", "error", "created_at", "finished_at")
      SELECT "id", "org_unit_id", "unit_path", "unit_code", "unit_name", "year", "format", "requested_by", "state", "progress", "count", "file_key", "error", "created_at", "finished_at" FROM "file_job" WHERE "kind" = 'certificate_export'`);
    await queryRunner.query(`INSERT INTO "activation_slip_batch" ("id", "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", "count", "expires_at", "pdf_key", "xlsx_key", "error", "created_at", "finished_at")
      SELECT "id", "org_unit_id", "unit_path", "unit_code", "unit_name", "requested_by", "state", "progress", "count", "expires_at", "pdf_key", "xlsx_key", "error", "created_at", "finished_at" FROM "file_job" WHERE "kind" = 'activation_slips'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_706282c6bd23b540d58ad65509"`);
    await queryRunner.query(`DROP INDEX "public"."idx_file_job_requester"`);
    await queryRunner.query(`DROP INDEX "public"."idx_file_job_expiry"`);
    await queryRunner.query(`DROP TABLE "file_job"`);
  }
}
