import { MigrationInterface, QueryRunner } from 'typeorm';

export class LessonPacing1796634652869 implements MigrationInterface {
  name = 'LessonPacing1796634652869';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lesson_visit" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "first_opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43c90f6ec01fd596faa3903ab6f" PRIMARY KEY ("enrollment_id", "lesson_id"))`);
    await queryRunner.query(`ALTER TABLE "course_version" ADD "sequential_lessons" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD "min_seconds" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD CONSTRAINT "ck_lesson_min_seconds" CHECK ("min_seconds" BETWEEN 0 AND 86400)`);
    await queryRunner.query(`ALTER TABLE "lesson_visit" ADD CONSTRAINT "FK_5b622eb9b365eacd410044d153b" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lesson_visit" ADD CONSTRAINT "FK_6b2b007a433d69a24d2ae111d16" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lesson_visit" DROP CONSTRAINT "FK_6b2b007a433d69a24d2ae111d16"`);
    await queryRunner.query(`ALTER TABLE "lesson_visit" DROP CONSTRAINT "FK_5b622eb9b365eacd410044d153b"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP CONSTRAINT "ck_lesson_min_seconds"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "min_seconds"`);
    await queryRunner.query(`ALTER TABLE "course_version" DROP COLUMN "sequential_lessons"`);
    await queryRunner.query(`DROP TABLE "lesson_visit"`);
  }
}
