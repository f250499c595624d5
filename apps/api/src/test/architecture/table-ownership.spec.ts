import { KNOWN_VIOLATIONS } from './known-violations';
import {
  featureOf,
  productionFiles,
  scanUsages,
  tableOwners,
  usageKey,
  usagesIn,
} from './table-ownership';

describe('table ownership (docs/architecture.md)', () => {
  const owners = tableOwners();

  it('knows every table and its owning feature from libs/db/src/<feature>/', () => {
    const byTable = new Map(owners.map((o) => [o.table, o.owner]));
    expect(byTable.get('certificate')).toBe('certificates');
    expect(byTable.get('enrollment')).toBe('learning');
    expect(byTable.get('org_unit')).toBe('org-units');
    expect(owners.length).toBeGreaterThanOrEqual(24);
    expect(productionFiles().some((f) => f.endsWith('.spec.ts') || f.includes('/test/'))).toBe(
      false,
    );
  });

  it('finds SQL and entity usage across features, not columns or the owner itself', () => {
    const file = 'apps/api/src/learning/x.service.ts';
    const text = [
      "tx.query('SELECT e.id FROM enrollment e JOIN org_unit o ON o.id = e.org_unit_id')",
      "tx.query('INSERT INTO certificate (id) VALUES ($1)')",
      'tx.update(CourseEntity, { id }, {})',
      "tx.query('SELECT 1 FROM org_unit_edge_x') // not a table",
    ].join('\n');
    expect(featureOf(file)).toBe('learning');
    // Query modules beside a feature's entities in libs/db are that feature's code.
    expect(featureOf('libs/db/src/courses/catalog-query.ts')).toBe('courses');
    expect(productionFiles()).toContain('libs/db/src/courses/catalog-query.ts');
    expect(productionFiles()).not.toContain('libs/db/src/courses/course.entity.ts');
    expect(
      usagesIn(file, text, owners)
        .map((u) => `${u.table} ${u.owner} ${u.how}`)
        .sort(),
    ).toEqual(['certificate certificates sql', 'course courses entity', 'org_unit org-units sql']);
  });

  it('has no usage of a table outside its owner beyond the known list (a ratchet)', () => {
    const known = new Set(KNOWN_VIOLATIONS);
    const fresh = scanUsages().filter((u) => !known.has(usageKey(u)));
    const messages = [...new Map(fresh.map((u) => [usageKey(u), u])).values()].map(
      (u) =>
        `${u.file} uses table "${u.table}" (${u.how}), owned by "${u.owner}": ` +
        `call the ${u.owner} feature's service instead of its table`,
    );
    expect(messages).toEqual([]);
  });

  it('lists only violations that still exist: remove the line once you fix one', () => {
    const now = new Set(scanUsages().map(usageKey));
    const stale = KNOWN_VIOLATIONS.filter((k) => !now.has(k)).map(
      (k) => `${k}: fixed, remove it from known-violations.ts`,
    );
    expect(stale).toEqual([]);
    expect(new Set(KNOWN_VIOLATIONS).size).toBe(KNOWN_VIOLATIONS.length);
  });
});
