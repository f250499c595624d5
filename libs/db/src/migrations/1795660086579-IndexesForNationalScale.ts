import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the national-scale benchmark showed missing (tools/bench/src/hot-queries.bench.ts,
 * 3 million accounts, 10 million certificates): without them hr's certificate register
 * and people search read every certificate or every account.
 */
export class IndexesForNationalScale1795660086579 implements MigrationInterface {
  name = 'IndexesForNationalScale1795660086579';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_org_unit"`);
    await queryRunner.query(
      `CREATE INDEX "idx_app_user_org_unit" ON "app_user"  ("org_unit_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_user" ON "certificate"  ("user_id", "issuer_org_unit_id") `,
    );
    // Hand-written: "%part of a name%" searches (ILIKE) through trigrams. pg_trgm is a
    // trusted extension (PostgreSQL ≥ 13): the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "idx_app_user_search" ON "app_user" USING GIN ("username" gin_trgm_ops, "full_name" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_search"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_org_unit"`);
    await queryRunner.query(
      `CREATE INDEX "idx_app_user_org_unit" ON "app_user" USING btree ("org_unit_id") `,
    );
  }
}
