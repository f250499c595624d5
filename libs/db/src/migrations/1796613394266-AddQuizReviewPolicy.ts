import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-quiz answer-reveal policy. Existing final quizzes switch to `after_passing` here:
 * a certificate stands on them, and showing every correct answer after a failed attempt
 * let the next attempt be copied from it.
 */
export class AddQuizReviewPolicy1796613394266 implements MigrationInterface {
  name = 'AddQuizReviewPolicy1796613394266';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quiz" ADD "review_policy" character varying(24) NOT NULL DEFAULT 'immediately'`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz" ADD CONSTRAINT "ck_quiz_review_policy" CHECK ("review_policy" IN ('immediately', 'after_passing', 'after_last_attempt', 'never'))`,
    );
    await queryRunner.query(
      `UPDATE "quiz" SET "review_policy" = 'after_passing' WHERE "kind" = 'final'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quiz" DROP CONSTRAINT "ck_quiz_review_policy"`);
    await queryRunner.query(`ALTER TABLE "quiz" DROP COLUMN "review_policy"`);
  }
}
