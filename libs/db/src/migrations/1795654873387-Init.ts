import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795654873387 implements MigrationInterface {
  name = 'Init1795654873387';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "org_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "parent_id" uuid, "path" text COLLATE "C" NOT NULL, "depth" integer NOT NULL, "valid_from" date NOT NULL DEFAULT '1900-01-01', "valid_to" date, "successor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_org_unit_validity" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_org_unit_code" ON "org_unit"  ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_org_unit_parent" ON "org_unit"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "idx_org_unit_path" ON "org_unit"  ("path") `);
    await queryRunner.query(
      `CREATE TABLE "org_unit_edge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "parent_id" uuid, "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "ck_org_unit_edge_validity" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "PK_8dfcdf57b6d6d84b8b22a69aa8a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_org_unit_edge_parent" ON "org_unit_edge"  ("parent_id", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_org_unit_edge_unit" ON "org_unit_edge"  ("unit_id", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" text, "full_name" character varying(255) NOT NULL, "email" character varying(255), "date_of_birth" date, "org_unit_id" uuid NOT NULL, "job_title" character varying(255), "dx_role" character varying(16) NOT NULL DEFAULT 'none', "roles" character varying array NOT NULL DEFAULT '{learner}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_app_user_roles" CHECK ("roles" <@ ARRAY['learner', 'trainer', 'hr', 'sysadmin']::varchar[] AND cardinality("roles") > 0), CONSTRAINT "ck_app_user_dx_role" CHECK ("dx_role" IN ('full_time', 'part_time', 'none')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user"  ("username") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_app_user_org_unit" ON "app_user"  ("org_unit_id") `);
    await queryRunner.query(
      `CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "dx_role" character varying(16) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "ck_membership_dx_role" CHECK ("dx_role" IN ('full_time', 'part_time', 'none')), CONSTRAINT "ck_membership_validity" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_membership_unit" ON "membership"  ("org_unit_id", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_membership_open" ON "membership"  ("user_id") WHERE "valid_to" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "FK_b8e4301109a2850200ba2c7c512" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "FK_3fa25a7b4e619067373da3a79c0" FOREIGN KEY ("successor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_edge" ADD CONSTRAINT "FK_1c9aacbf155b71d53034dd5f363" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_edge" ADD CONSTRAINT "FK_92f6203d3233f7e27f52f9618cd" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_90433b02ee8b208cb2ea924d947" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_068ef962ef10667c9dfa5c676a4" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "membership" DROP CONSTRAINT "FK_068ef962ef10667c9dfa5c676a4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" DROP CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" DROP CONSTRAINT "FK_90433b02ee8b208cb2ea924d947"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_edge" DROP CONSTRAINT "FK_92f6203d3233f7e27f52f9618cd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_edge" DROP CONSTRAINT "FK_1c9aacbf155b71d53034dd5f363"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" DROP CONSTRAINT "FK_3fa25a7b4e619067373da3a79c0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" DROP CONSTRAINT "FK_b8e4301109a2850200ba2c7c512"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_membership_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_unit"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_org_unit"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_username"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_edge_unit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_edge_parent"`);
    await queryRunner.query(`DROP TABLE "org_unit_edge"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_path"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_parent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_org_unit_code"`);
    await queryRunner.query(`DROP TABLE "org_unit"`);
  }
}
