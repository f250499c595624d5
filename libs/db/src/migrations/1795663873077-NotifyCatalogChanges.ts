import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process when what the learners' catalog shows has changed, so each can
 * keep the catalog in memory (apps/api/src/cache). Triggers rather than calls in services:
 * every path that writes these tables — API, imports, seeds, an operator's psql — is
 * covered, and NOTIFY is transactional: listeners hear of a change only once it commits.
 * Draft edits do not fire: only rows that are, or were, published matter to the catalog.
 */
export class NotifyCatalogChanges1795663873077 implements MigrationInterface {
  name = 'NotifyCatalogChanges1795663873077';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION notify_dx_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- One notification per topic and transaction: PostgreSQL folds identical ones.
        PERFORM pg_notify('dx_changes', TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    for (const table of ['course', 'course_version']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_catalog_insert AFTER INSERT ON ${table} FOR EACH ROW
           WHEN (NEW.status = 'published') EXECUTE FUNCTION notify_dx_change('catalog')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_catalog_update AFTER UPDATE ON ${table} FOR EACH ROW
           WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION notify_dx_change('catalog')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_catalog_delete AFTER DELETE ON ${table} FOR EACH ROW
           WHEN (OLD.status = 'published') EXECUTE FUNCTION notify_dx_change('catalog')`,
      );
    }
    // Unit names and paths (merges move subtrees) change the owner shown and who sees what.
    await queryRunner.query(
      `CREATE TRIGGER org_unit_catalog_change AFTER INSERT OR UPDATE OR DELETE ON org_unit
         FOR EACH STATEMENT EXECUTE FUNCTION notify_dx_change('catalog')`,
    );
    for (const table of ['course', 'course_version', 'org_unit']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_catalog_truncate AFTER TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_dx_change('catalog')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['course', 'course_version', 'org_unit']) {
      await queryRunner.query(`DROP TRIGGER ${table}_catalog_truncate ON ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER org_unit_catalog_change ON org_unit`);
    for (const table of ['course', 'course_version']) {
      for (const op of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER ${table}_catalog_${op} ON ${table}`);
      }
    }
    await queryRunner.query(`DROP FUNCTION notify_dx_change()`);
  }
}
