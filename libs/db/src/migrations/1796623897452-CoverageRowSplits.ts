import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage rows gain the full-time / part-time split and `requirement_met`. Added with a
 * default, so official reports already stored (protected by a row trigger) are not
 * rewritten: ADD COLUMN with a constant default fires no row trigger.
 */
export class CoverageRowSplits1796623897452 implements MigrationInterface {
  name = 'CoverageRowSplits1796623897452';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'full_time_staff',
      'full_time_trained',
      'part_time_staff',
      'part_time_trained',
      'requirement_met',
    ]) {
      await queryRunner.query(
        `ALTER TABLE "coverage_report_row" ADD "${column}" integer NOT NULL DEFAULT '0'`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'requirement_met',
      'part_time_trained',
      'part_time_staff',
      'full_time_trained',
      'full_time_staff',
    ]) {
      await queryRunner.query(`ALTER TABLE "coverage_report_row" DROP COLUMN "${column}"`);
    }
  }
}
