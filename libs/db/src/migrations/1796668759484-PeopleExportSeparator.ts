import { MigrationInterface, QueryRunner } from 'typeorm';

/** The field separator a people export's CSV was asked with (`,` or `;`). */
export class PeopleExportSeparator1796668759484 implements MigrationInterface {
  name = 'PeopleExportSeparator1796668759484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_job" ADD "csv_separator" character varying(1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_job" DROP COLUMN "csv_separator"`);
  }
}
