import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerPlacement1796635063819 implements MigrationInterface {
  name = 'LedgerPlacement1796635063819';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ledger_placement" ("year" smallint NOT NULL, "as_of" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d6c9016e078c6b0717f607bfee5" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(`ALTER TABLE "training_year" ADD "org_unit_id" uuid`);
    await queryRunner.query(`ALTER TABLE "training_year" ADD "dx_role" character varying(16)`);
    await queryRunner.query(
      `CREATE INDEX "idx_membership_user" ON "membership"  ("user_id", "valid_from") `,
    );
    // INCLUDE (not expressible in the entity): the national report and the people page's
    // totals read this index alone: one year's placed people, the untrained a contiguous range.
    await queryRunner.query(
      `CREATE INDEX "idx_training_year_placement" ON "training_year"  ("year", "trained", "org_unit_id") INCLUDE ("dx_role", "hours", "courses", "requirement_met") WHERE "org_unit_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" ADD CONSTRAINT "ck_training_year_dx_role" CHECK ("dx_role" IN ('full_time', 'part_time'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" ADD CONSTRAINT "ck_training_year_placement" CHECK (("org_unit_id" IS NULL) = ("dx_role" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" ADD CONSTRAINT "FK_32045ac9353bd478ab78b520e5c" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Re-places people in every placed year: each ledger row of a year in ledger_placement
    // says the unit and DX role of the person's membership on that year's day (the latest
    // that began, DX roles only), or nothing. Set-based for any number of people.
    await queryRunner.query(`CREATE FUNCTION ledger_place_people(ids uuid[]) RETURNS void LANGUAGE sql AS $$
      UPDATE training_year ty SET org_unit_id = NULL, dx_role = NULL
        FROM ledger_placement lp, unnest(ids) w(user_id)
       WHERE ty.year = lp.year AND ty.user_id = w.user_id AND ty.org_unit_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM membership m
                          WHERE m.user_id = ty.user_id AND m.dx_role <> 'none' AND m.valid_from <= lp.as_of
                            AND (m.valid_to IS NULL OR m.valid_to > lp.as_of));
      INSERT INTO training_year AS ty (user_id, year, org_unit_id, dx_role)
      SELECT DISTINCT ON (m.user_id, lp.year) m.user_id, lp.year, m.org_unit_id, m.dx_role
        FROM unnest(ids) w(user_id)
        JOIN membership m ON m.user_id = w.user_id AND m.dx_role <> 'none'
        JOIN ledger_placement lp ON m.valid_from <= lp.as_of AND (m.valid_to IS NULL OR m.valid_to > lp.as_of)
       ORDER BY m.user_id, lp.year, m.valid_from DESC
      ON CONFLICT (user_id, year) DO UPDATE
         SET org_unit_id = excluded.org_unit_id, dx_role = excluded.dx_role
       WHERE (ty.org_unit_id, ty.dx_role) IS DISTINCT FROM (excluded.org_unit_id, excluded.dx_role);
    $$`);
    // Any change of memberships (transfer, merge, creation, import, deactivation, a repair
    // in SQL) re-places its people in the same transaction, once per statement. The share
    // lock waits for a catch-up moving a year's day (ensureLedgerPlacement) to commit.
    await queryRunner.query(`CREATE FUNCTION membership_placement() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM ledger_placement) THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT user_id) INTO ids FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT user_id) INTO ids FROM old_rows;
        ELSE
          SELECT array_agg(DISTINCT user_id) INTO ids
            FROM (SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows) x;
        END IF;
        IF ids IS NOT NULL THEN
          PERFORM 1 FROM ledger_placement FOR SHARE;
          PERFORM ledger_place_people(ids);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER trg_membership_placement_insert AFTER INSERT ON membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_placement()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_membership_placement_update AFTER UPDATE ON membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_placement()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_membership_placement_delete AFTER DELETE ON membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_placement()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_membership_placement_delete ON membership`);
    await queryRunner.query(`DROP TRIGGER trg_membership_placement_update ON membership`);
    await queryRunner.query(`DROP TRIGGER trg_membership_placement_insert ON membership`);
    await queryRunner.query(`DROP FUNCTION membership_placement()`);
    await queryRunner.query(`DROP FUNCTION ledger_place_people(uuid[])`);
    await queryRunner.query(
      `ALTER TABLE "training_year" DROP CONSTRAINT "FK_32045ac9353bd478ab78b520e5c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" DROP CONSTRAINT "ck_training_year_placement"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_year" DROP CONSTRAINT "ck_training_year_dx_role"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_training_year_placement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_membership_user"`);
    await queryRunner.query(`ALTER TABLE "training_year" DROP COLUMN "dx_role"`);
    await queryRunner.query(`ALTER TABLE "training_year" DROP COLUMN "org_unit_id"`);
    await queryRunner.query(`DROP TABLE "ledger_placement"`);
  }
}
