import { MigrationInterface, QueryRunner } from 'typeorm';

/** Merges decided ahead of their date wait in `org_unit_merge` until the worker applies them. */
export class ScheduledOrgUnitMerges1796623884846 implements MigrationInterface {
  name = 'ScheduledOrgUnitMerges1796623884846';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "org_unit_merge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "target_id" uuid NOT NULL, "effective_date" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "failure" text, "requested_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "settled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_org_unit_merge_target" CHECK ("target_id" <> "unit_id"), CONSTRAINT "ck_org_unit_merge_status" CHECK ("status" IN ('pending','applied','cancelled','failed')), CONSTRAINT "PK_28a3f490dfd10bf08db829bcd97" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_org_unit_merge_target" ON "org_unit_merge"  ("target_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_org_unit_merge_due" ON "org_unit_merge"  ("effective_date") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_unit_merge_pending" ON "org_unit_merge"  ("unit_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_merge" ADD CONSTRAINT "FK_fe660488bef8076a03c9114937d" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit_merge" ADD CONSTRAINT "FK_29bb8d161e10276d0e8a00f8db4" FOREIGN KEY ("target_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "org_unit_merge" DROP CONSTRAINT "FK_29bb8d161e10276d0e8a00f8db4"`);
    await queryRunner.query(`ALTER TABLE "org_unit_merge" DROP CONSTRAINT "FK_fe660488bef8076a03c9114937d"`);
    await queryRunner.query(`DROP INDEX "public"."uq_org_unit_merge_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_merge_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_org_unit_merge_target"`);
    await queryRunner.query(`DROP TABLE "org_unit_merge"`);
  }
}
