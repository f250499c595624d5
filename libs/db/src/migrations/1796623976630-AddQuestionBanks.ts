import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddQuestionBanks1796623976630 implements MigrationInterface {
  name = 'AddQuestionBanks1796623976630';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "question_bank" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_org_unit_id" uuid NOT NULL, "title" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ddf9cd18bcda25d31e7ef21b519" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_question_bank_owner" ON "question_bank"  ("owner_org_unit_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "question_category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "bank_id" uuid NOT NULL, "name" character varying(120) NOT NULL, CONSTRAINT "PK_5fd605f755be75e9ea3ee3fdc18" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_category_name" ON "question_category"  ("bank_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "quiz_draw_rule" ("quiz_id" uuid NOT NULL, "category_id" uuid NOT NULL, "count" integer NOT NULL, CONSTRAINT "ck_quiz_draw_rule_count" CHECK ("count" > 0), CONSTRAINT "PK_a4a6cd44df2b7d27494fe52abd9" PRIMARY KEY ("quiz_id", "category_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_quiz_draw_rule_category" ON "quiz_draw_rule"  ("category_id") `,
    );
    await queryRunner.query(`ALTER TABLE "question" ADD "bank_id" uuid`);
    await queryRunner.query(`ALTER TABLE "question" ADD "category_id" uuid`);
    await queryRunner.query(`ALTER TABLE "question" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "question" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "question" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "question" DROP CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_question_quiz"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_external_id"`);
    await queryRunner.query(`ALTER TABLE "question" ALTER COLUMN "quiz_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_question_category_current" ON "question"  ("category_id") WHERE "retired_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_bank_external_id" ON "question"  ("bank_id", "external_id") WHERE "bank_id" IS NOT NULL AND "retired_at" IS NULL AND "external_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_bank_current" ON "question"  ("bank_id", "key") WHERE "bank_id" IS NOT NULL AND "retired_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_external_id" ON "question"  ("quiz_id", "external_id") WHERE "external_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_question_quiz" ON "question"  ("quiz_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_version" CHECK ("version" > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_bank_category" CHECK ("bank_id" IS NULL OR "category_id" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_owner" CHECK (("quiz_id" IS NULL) <> ("bank_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_bank" ADD CONSTRAINT "FK_ebcd95b3b8eb1833a5b8bd3f05c" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_category" ADD CONSTRAINT "FK_f6789997b06a7dab28ef3d5d9ab" FOREIGN KEY ("bank_id") REFERENCES "question_bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "FK_ddf9cd18bcda25d31e7ef21b519" FOREIGN KEY ("bank_id") REFERENCES "question_bank"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "FK_5fd605f755be75e9ea3ee3fdc18" FOREIGN KEY ("category_id") REFERENCES "question_category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_draw_rule" ADD CONSTRAINT "FK_c49bd2c05f09c09e01f2f665c3a" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_draw_rule" ADD CONSTRAINT "FK_23e25e1df1215db8425abe5f6f3" FOREIGN KEY ("category_id") REFERENCES "question_category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quiz_draw_rule" DROP CONSTRAINT "FK_23e25e1df1215db8425abe5f6f3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_draw_rule" DROP CONSTRAINT "FK_c49bd2c05f09c09e01f2f665c3a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" DROP CONSTRAINT "FK_5fd605f755be75e9ea3ee3fdc18"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" DROP CONSTRAINT "FK_ddf9cd18bcda25d31e7ef21b519"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" DROP CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_category" DROP CONSTRAINT "FK_f6789997b06a7dab28ef3d5d9ab"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_bank" DROP CONSTRAINT "FK_ebcd95b3b8eb1833a5b8bd3f05c"`,
    );
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_owner"`);
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_bank_category"`);
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_quiz"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_bank_current"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_bank_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_category_current"`);
    // Bank questions have no quiz: they go with the banks.
    await queryRunner.query(`DELETE FROM "question" WHERE "quiz_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "question" ALTER COLUMN "quiz_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_external_id" ON "question" USING btree ("quiz_id", "external_id") WHERE (external_id IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_question_quiz" ON "question" USING btree ("quiz_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "FK_aecfc55f7d8e7bb703193e03118" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "tags"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "retired_at"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "category_id"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "bank_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_draw_rule_category"`);
    await queryRunner.query(`DROP TABLE "quiz_draw_rule"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_category_name"`);
    await queryRunner.query(`DROP TABLE "question_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_question_bank_owner"`);
    await queryRunner.query(`DROP TABLE "question_bank"`);
  }
}
