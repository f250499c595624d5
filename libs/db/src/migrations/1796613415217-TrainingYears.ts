import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingYears1796613415217 implements MigrationInterface {
  name = 'TrainingYears1796613415217';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_curriculum"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_course_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_user_course"`);
    await queryRunner.query(
      `CREATE TABLE "training_year" ("user_id" uuid NOT NULL, "year" smallint NOT NULL, "hours" numeric(8,2) NOT NULL DEFAULT '0', "courses" integer NOT NULL DEFAULT '0', "records" integer NOT NULL DEFAULT '0', "trained" boolean NOT NULL DEFAULT false, "requirement_met" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e0ea358acec8417f71e131532f" PRIMARY KEY ("user_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_year_year" ON "training_year"  ("year", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "title" character varying(255) NOT NULL, "hours" numeric(6,2) NOT NULL, "completed_on" date NOT NULL, "year" smallint NOT NULL, "provider" character varying(255) NOT NULL, "evidence_key" character varying(512), "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_training_record_hours" CHECK ("hours" > 0 AND "hours" <= 2000), CONSTRAINT "PK_bb21cf01b9f9eaec90b518a9426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_training_record_user_year" ON "training_record"  ("user_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "requirement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "org_unit_id" uuid NOT NULL, "dx_roles" character varying array NOT NULL, "job_titles" character varying array NOT NULL DEFAULT '{}', "hours" numeric(6,2) NOT NULL, "due_date" date NOT NULL, "curriculum_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_requirement_hours" CHECK ("hours" > 0 AND "hours" <= 2000), CONSTRAINT "PK_5e3278ee8e2094dd0f10a4aec62" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_requirement_year" ON "requirement"  ("year", "org_unit_id") `,
    );
    await queryRunner.query(`ALTER TABLE "certificate" ADD "year" smallint`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD "year" smallint`);
    // Existing rows: the training year is the year of completion (of enrolment while in
    // progress) in the default TZ_REPORTS, Asia/Ho_Chi_Minh.
    await queryRunner.query(
      `UPDATE "certificate" SET "year" = extract(year FROM completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    );
    await queryRunner.query(
      `UPDATE "enrollment" SET "year" = extract(year FROM coalesce(completed_at, enrolled_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    );
    await queryRunner.query(`ALTER TABLE "enrollment" ALTER COLUMN "year" SET NOT NULL`);
    // The ledger of what already happened (no requirements exist yet: all met).
    await queryRunner.query(
      `INSERT INTO "training_year" (user_id, year, hours, courses, trained)
       SELECT user_id, year, sum(hours), count(*), true FROM "certificate"
        WHERE kind = 'course' AND status <> 'revoked' AND user_id IS NOT NULL
        GROUP BY user_id, year`,
    );
    await queryRunner.query(`ALTER TABLE "enrollment" ADD "current" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_curriculum_year" ON "certificate"  ("user_id", "curriculum_id", "year") WHERE "kind" = 'program'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_enrollment" ON "certificate"  ("enrollment_id") WHERE "kind" = 'course'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrollment_current" ON "enrollment"  ("user_id", "course_id") WHERE "current"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrollment_user_course_year" ON "enrollment"  ("user_id", "course_id", "year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" ADD CONSTRAINT "FK_6ffe410ec9655096b11aeac4fc5" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "FK_542c505a9524e378ff4df15e283" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement" ADD CONSTRAINT "FK_9887dc31e1a399bd53c8e4453c8" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement" ADD CONSTRAINT "FK_79abd322c0d13a9a56413dc35d1" FOREIGN KEY ("curriculum_id") REFERENCES "curriculum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "requirement" DROP CONSTRAINT "FK_79abd322c0d13a9a56413dc35d1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement" DROP CONSTRAINT "FK_9887dc31e1a399bd53c8e4453c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" DROP CONSTRAINT "FK_542c505a9524e378ff4df15e283"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" DROP CONSTRAINT "FK_6ffe410ec9655096b11aeac4fc5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_user_course_year"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_current"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_curriculum_year"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP COLUMN "current"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP COLUMN "year"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP COLUMN "year"`);
    await queryRunner.query(`DROP INDEX "public"."idx_requirement_year"`);
    await queryRunner.query(`DROP TABLE "requirement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_record_user_year"`);
    await queryRunner.query(`DROP TABLE "training_record"`);
    await queryRunner.query(`DROP INDEX "public"."idx_training_year_year"`);
    await queryRunner.query(`DROP TABLE "training_year"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrollment_user_course" ON "enrollment" USING btree ("user_id", "course_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_course_version" ON "certificate" USING btree ("user_id", "course_version_id") WHERE ((kind)::text = 'course'::text)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_curriculum" ON "certificate" USING btree ("user_id", "curriculum_id") WHERE ((kind)::text = 'program'::text)`,
    );
  }
}
