import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCertificateIssuers1796625655482 implements MigrationInterface {
  name = 'AddCertificateIssuers1796625655482';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate_issuer" ("org_unit_id" uuid NOT NULL, "body_name" character varying(255) NOT NULL, "parent_body_name" character varying(255), "signer_title" character varying(128) NOT NULL, "signer_name" character varying(128) NOT NULL, "place" character varying(64) NOT NULL, "seal_image_key" character varying(512), "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ca8362508d4514ba5d4d29f97a" PRIMARY KEY ("org_unit_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "certificate_issuer"`);
  }
}
