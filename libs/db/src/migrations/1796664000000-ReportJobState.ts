import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coverage report's job state has one owner, its row: `progress` (0 while waiting) beside
 * `status`, so the API never asks BullMQ; `read_source`/`read_detail` say whether its figures
 * were read on the replica or the primary, and why. Two partial indexes keep the worker's
 * sweep of lost jobs (every 10 minutes) to the few unfinished reports and file jobs.
 */
export class ReportJobState1796664000000 implements MigrationInterface {
  name = 'ReportJobState1796664000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "coverage_report" ADD "progress" smallint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "coverage_report" ADD "read_source" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "coverage_report" ADD "read_detail" text`);
    await queryRunner.query(
      `ALTER TABLE "coverage_report" ADD CONSTRAINT "ck_coverage_report_read_source" CHECK ("read_source" IN ('replica', 'primary'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_coverage_report_running" ON "coverage_report" ("created_at") WHERE "status" = 'running'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_file_job_unfinished" ON "file_job" ("created_at") WHERE "state" IN ('waiting', 'active')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_file_job_unfinished"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coverage_report_running"`);
    await queryRunner.query(
      `ALTER TABLE "coverage_report" DROP CONSTRAINT "ck_coverage_report_read_source"`,
    );
    await queryRunner.query(`ALTER TABLE "coverage_report" DROP COLUMN "read_detail"`);
    await queryRunner.query(`ALTER TABLE "coverage_report" DROP COLUMN "read_source"`);
    await queryRunner.query(`ALTER TABLE "coverage_report" DROP COLUMN "progress"`);
  }
}
