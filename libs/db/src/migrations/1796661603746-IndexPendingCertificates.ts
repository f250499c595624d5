import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's re-queue of certificates left pending (a job lost in a Redis failover) looks
 * for old pending rows every 10 minutes: a partial index keeps that read to the few pending
 * rows instead of the millions issued.
 */
export class IndexPendingCertificates1796661603746 implements MigrationInterface {
  name = 'IndexPendingCertificates1796661603746';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_certificate_pending" ON "certificate" ("created_at") WHERE "status" = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_pending"`);
  }
}
