import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCoverageReports1795656416543 implements MigrationInterface {
  name = 'AddCoverageReports1795656416543';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "coverage_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "org_unit_id" uuid NOT NULL, "requested_by" uuid, "job_id" character varying(128) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'running', "official" boolean NOT NULL DEFAULT false, "time_zone" character varying(64) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_coverage_report_status" CHECK ("status" IN ('running', 'completed', 'failed')), CONSTRAINT "PK_579265996afdc43d3d2320d76bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_coverage_report_official" ON "coverage_report"  ("org_unit_id", "year") WHERE "official"`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_coverage_report_unit_year" ON "coverage_report"  ("org_unit_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coverage_report_row" ("report_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "parent_id" uuid, "depth" integer NOT NULL, "dx_staff" integer NOT NULL, "trained" integer NOT NULL, "hours" numeric(14,2) NOT NULL, "certificates" integer NOT NULL, CONSTRAINT "PK_0ff392ae101d984756c56c72236" PRIMARY KEY ("report_id", "org_unit_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_coverage_report_row_parent" ON "coverage_report_row"  ("report_id", "parent_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_report" ADD CONSTRAINT "FK_5aadcbe00987d027fa81b2b1d8e" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_report_row" ADD CONSTRAINT "FK_210711d6dfb201d9cea806e7087" FOREIGN KEY ("report_id") REFERENCES "coverage_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: a completed official report (a closed year's figures) can never change.
    await queryRunner.query(`CREATE FUNCTION protect_official_coverage_report() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE rid uuid;
      BEGIN
        IF TG_TABLE_NAME = 'coverage_report' THEN rid := OLD.id;
        ELSIF TG_OP = 'INSERT' THEN rid := NEW.report_id;
        ELSE rid := OLD.report_id;
        END IF;
        IF EXISTS (SELECT 1 FROM coverage_report WHERE id = rid AND official AND status = 'completed') THEN
          RAISE EXCEPTION 'official coverage report % is closed and cannot change', rid USING ERRCODE = 'P0001';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER trg_coverage_report_official BEFORE UPDATE OR DELETE ON coverage_report FOR EACH ROW EXECUTE FUNCTION protect_official_coverage_report()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_coverage_report_row_official BEFORE INSERT OR UPDATE OR DELETE ON coverage_report_row FOR EACH ROW EXECUTE FUNCTION protect_official_coverage_report()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_coverage_report_row_official ON coverage_report_row`);
    await queryRunner.query(`DROP TRIGGER trg_coverage_report_official ON coverage_report`);
    await queryRunner.query(`DROP FUNCTION protect_official_coverage_report()`);
    await queryRunner.query(
      `ALTER TABLE "coverage_report_row" DROP CONSTRAINT "FK_210711d6dfb201d9cea806e7087"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_report" DROP CONSTRAINT "FK_5aadcbe00987d027fa81b2b1d8e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_coverage_report_row_parent"`);
    await queryRunner.query(`DROP TABLE "coverage_report_row"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coverage_report_unit_year"`);
    await queryRunner.query(`DROP INDEX "public"."uq_coverage_report_official"`);
    await queryRunner.query(`DROP TABLE "coverage_report"`);
  }
}
