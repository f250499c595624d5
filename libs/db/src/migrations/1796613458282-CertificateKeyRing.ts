import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateKeyRing1796613458282 implements MigrationInterface {
  name = 'CertificateKeyRing1796613458282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "signing_key" ("kid" character varying(64) NOT NULL, "public_key_multibase" character varying(128) NOT NULL, "private_key_pem" text, "source" character varying(16) NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_to" TIMESTAMP WITH TIME ZONE, "compromised_from" TIMESTAMP WITH TIME ZONE, "compromised_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00d7e305393ab903d6eb06c11f9" PRIMARY KEY ("kid"))`);
    await queryRunner.query(`ALTER TABLE "certificate" ADD "kid" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "certificate" ADD "verify_code" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "certificate" ADD "status_list_index" integer`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_status_list_index" ON "certificate"  ("status_list_index") `);
    // Certificates issued before: a verify code (gen_random_uuid draws from a strong random
    // source, 122 bits) and a place in the revocation status list, in order of issue.
    await queryRunner.query(`UPDATE "certificate" SET "verify_code" = replace(gen_random_uuid()::text, '-', '') WHERE "serial" IS NOT NULL`);
    await queryRunner.query(`WITH n AS (SELECT "id", row_number() OVER (ORDER BY "issued_at", "id") - 1 AS i FROM "certificate" WHERE "serial" IS NOT NULL) UPDATE "certificate" c SET "status_list_index" = n.i FROM n WHERE c."id" = n."id"`);
    await queryRunner.query(`INSERT INTO "certificate_counter" ("scope", "year", "last_value") SELECT 'status-list', 0, count(*) FROM "certificate" WHERE "status_list_index" IS NOT NULL HAVING count(*) > 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_status_list_index"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP COLUMN "status_list_index"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP COLUMN "verify_code"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP COLUMN "kid"`);
    await queryRunner.query(`DROP TABLE "signing_key"`);
  }
}
