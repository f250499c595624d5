import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserNationalId1796659406213 implements MigrationInterface {
  name = 'UserNationalId1796659406213';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "national_id" character varying(12)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_national_id" ON "app_user"  ("national_id") WHERE "national_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_national_id" CHECK ("national_id" ~ '^[0-9]{12}$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_national_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_national_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "national_id"`);
  }
}
