import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddQuestionExternalId1796615934078 implements MigrationInterface {
  name = 'AddQuestionExternalId1796615934078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question" ADD "external_id" character varying(100)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_external_id" ON "question"  ("quiz_id", "external_id") WHERE "external_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_question_external_id"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "external_id"`);
  }
}
