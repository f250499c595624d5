import { MigrationInterface, QueryRunner } from 'typeorm';

/** Images in answer options (issue #16), stored like the question's: a key and its alt text together. */
export class AddOptionImages1796645843475 implements MigrationInterface {
  name = 'AddOptionImages1796645843475';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question_option" ADD "image_key" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "question_option" ADD "image_alt" text`);
    await queryRunner.query(
      `ALTER TABLE "question_option" ADD CONSTRAINT "ck_question_option_image_alt" CHECK (("image_key" IS NULL) = ("image_alt" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "question_option" DROP CONSTRAINT "ck_question_option_image_alt"`,
    );
    await queryRunner.query(`ALTER TABLE "question_option" DROP COLUMN "image_alt"`);
    await queryRunner.query(`ALTER TABLE "question_option" DROP COLUMN "image_key"`);
  }
}
