import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quiz's attempts index carries the learner too. On (quiz_id) alone, a quiz published
 * after the table's last ANALYZE looks rare to the planner, which then reads a learner's
 * attempts through it and filters every other learner's out: a start on a quiz with 3,000
 * attempts read 3,000 rows, and the open-loop bench's quiz starts fell behind for good
 * (p99 6.1 s, issue #20) — the exam-day case, where a new quiz fills in minutes and no
 * ANALYZE comes in time on a large table. On (quiz_id, user_id) that plan is one lookup too;
 * the analytics' reads by quiz still use it.
 */
export class QuizAttemptQuizUserIndex1796682866235 implements MigrationInterface {
  name = 'QuizAttemptQuizUserIndex1796682866235';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_quiz_attempt_quiz_user" ON "quiz_attempt" ("quiz_id", "user_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_attempt_quiz"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_quiz_attempt_quiz" ON "quiz_attempt" ("quiz_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_quiz_attempt_quiz_user"`);
  }
}
