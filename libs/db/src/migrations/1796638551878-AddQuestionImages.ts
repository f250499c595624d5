import { MigrationInterface, QueryRunner } from 'typeorm';

/** Images in questions (issue #16): a stored image's key and its alt text, never one without the other. */
export class AddQuestionImages1796638551878 implements MigrationInterface {
  name = 'AddQuestionImages1796638551878';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question" ADD "image_key" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "question" ADD "image_alt" text`);
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_image_alt" CHECK (("image_key" IS NULL) = ("image_alt" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_image_alt"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "image_alt"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "image_key"`);
  }
}
