import { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseIssuer1796659388486 implements MigrationInterface {
  name = 'CourseIssuer1796659388486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "course" ADD "issuer_org_unit_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "course" ADD CONSTRAINT "FK_e3dd8f394a6e92eb29069a66719" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "course" DROP CONSTRAINT "FK_e3dd8f394a6e92eb29069a66719"`,
    );
    await queryRunner.query(`ALTER TABLE "course" DROP COLUMN "issuer_org_unit_id"`);
  }
}
