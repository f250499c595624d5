import { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching, ordering, short-answer and numeric questions (issue #16), and per-question results of attempts. */
export class AddQuestionTypes1796634693458 implements MigrationInterface {
  name = 'AddQuestionTypes1796634693458';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "question" ADD "ignore_case" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `ALTER TABLE "question" ADD "ignore_diacritics" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "question_option" ADD "match" text`);
    await queryRunner.query(`ALTER TABLE "question_option" ADD "tolerance" double precision`);
    await queryRunner.query(`ALTER TABLE "quiz_attempt" ADD "correct_question_ids" uuid array`);
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_type"`);
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_type" CHECK ("type" IN ('single', 'multiple', 'true_false', 'matching', 'ordering', 'short_answer', 'numeric'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "ck_question_type"`);
    await queryRunner.query(
      `ALTER TABLE "question" ADD CONSTRAINT "ck_question_type" CHECK ("type" IN ('single', 'multiple', 'true_false'))`,
    );
    await queryRunner.query(`ALTER TABLE "quiz_attempt" DROP COLUMN "correct_question_ids"`);
    await queryRunner.query(`ALTER TABLE "question_option" DROP COLUMN "tolerance"`);
    await queryRunner.query(`ALTER TABLE "question_option" DROP COLUMN "match"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "ignore_diacritics"`);
    await queryRunner.query(`ALTER TABLE "question" DROP COLUMN "ignore_case"`);
  }
}
