import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserMfa1796624052789 implements MigrationInterface {
  name = 'AddUserMfa1796624052789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_mfa" ("user_id" uuid NOT NULL, "secret" text NOT NULL, "enabled_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "recovery_code_hashes" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3db12d521d7b1f7d17c71e465a" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_mfa" ADD CONSTRAINT "FK_a3db12d521d7b1f7d17c71e465a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user_mfa" DROP CONSTRAINT "FK_a3db12d521d7b1f7d17c71e465a"`,
    );
    await queryRunner.query(`DROP TABLE "user_mfa"`);
  }
}
