import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which feature owns which table, read from where its entity lives:
 * `libs/db/src/<feature>/<name>.entity.ts` with `@Entity('<table>')` → table owned by <feature>.
 * A usage is a raw SQL mention of the table (FROM, JOIN, INTO, UPDATE…) or a use of its
 * entity class, in production code of another feature.
 */
export const ROOT = join(__dirname, '../../../../..');

export interface TableOwner {
  table: string;
  entity: string;
  owner: string;
}

export interface TableUsage {
  /** Repository-relative path, with `/`. */
  file: string;
  table: string;
  owner: string;
  how: 'sql' | 'entity';
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

export function tableOwners(): TableOwner[] {
  const dbSrc = join(ROOT, 'libs/db/src');
  return walk(dbSrc)
    .filter((f) => f.endsWith('.entity.ts'))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // A single-table-inheritance child (`@ChildEntity`) lives in its parent's table.
      const table =
        /@Entity\(\s*'([a-z_]+)'/.exec(text)?.[1] ??
        (/@ChildEntity\(/.test(text) ? parentTableOf(text, dbSrc) : undefined);
      const entity = /export class (\w+)/.exec(text)?.[1];
      const owner = rel(file).split('/')[3];
      return table && entity && owner ? [{ table, entity, owner }] : [];
    });
}

/** The table of the entity a `@ChildEntity` class extends, read from the parent's file. */
function parentTableOf(text: string, dbSrc: string): string | undefined {
  const parent = /export class \w+ extends (\w+)/.exec(text)?.[1];
  if (!parent) return undefined;
  const file = walk(dbSrc).find(
    (f) =>
      f.endsWith('.entity.ts') &&
      new RegExp(String.raw`export class ${parent}\b`).test(readFileSync(f, 'utf8')),
  );
  return file ? /@Entity\(\s*'([a-z_]+)'/.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
}

/**
 * Test code and schema tooling are not production code: specs, `test/` and `testing/`
 * folders, fixtures and factories, the trust suite, migrations (they define every table).
 */
const NOT_PRODUCTION = [
  /\.spec\.ts$/,
  /\.fixtures?\.ts$/,
  /\/(test|testing|trust)\//,
  /^libs\/testing\//,
  // The schema itself: entities name the tables they refer to (foreign keys), migrations
  // create every table, and the top-level files are the connection's plumbing. Ownership is
  // about code that reads and writes rows, which libs/db/src/<feature>/ also holds: the
  // feature's query modules (catalog query, merges, notifications…), scanned as that feature.
  /^libs\/db\/src\/[^/]+\.ts$/,
  /^libs\/db\/src\/.+\.entity\.ts$/,
  /^libs\/db\/src\/(migrations|tools|read-replica)\//,
];

/**
 * Readers allowed every table, on purpose. `libs/reports` is the reporting read model: it
 * computes coverage from org units, memberships and certificates (issue #18: SQL lives in
 * feature repositories and libs/reports).
 */
const READ_MODELS = new Set(['reports']);

const PRODUCTION_ROOTS = ['apps/api/src', 'apps/worker/src', 'libs'];

export function productionFiles(): string[] {
  return PRODUCTION_ROOTS.flatMap((root) => walk(join(ROOT, root)))
    .map(rel)
    .filter((f) => !NOT_PRODUCTION.some((re) => re.test(f)));
}

/** The feature a file belongs to: its folder under apps/<app>/src, or `libs/<lib>`. */
export function featureOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'apps') return parts.length > 4 ? parts[3] : `${parts[1]}-root`;
  // libs/db/src/<feature>/: the query modules that sit beside the feature's entities.
  if (parts[1] === 'db') return parts[3];
  // A lib named after a feature is that feature's query module (libs/reports).
  return parts[1];
}

const SQL_VERB = String.raw`(?:FROM|JOIN|INTO|UPDATE|TABLE|ONLY)`;

export function usagesIn(file: string, text: string, owners: TableOwner[]): TableUsage[] {
  const feature = featureOf(file);
  if (file.startsWith('libs/') && READ_MODELS.has(feature)) return [];
  const found = new Map<string, TableUsage>();
  for (const { table, entity, owner } of owners) {
    if (owner === feature) continue;
    const sql = new RegExp(String.raw`\b${SQL_VERB}\s+"?${table}"?\b`, 'i');
    // A `.` or `_` around the name is a column or another table (org_unit_edge, e.table).
    const sqlHit = [...text.matchAll(new RegExp(sql, 'gi'))].some((m) => {
      const after = text[(m.index ?? 0) + m[0].length];
      return after !== '_' && after !== '.';
    });
    if (sqlHit) found.set(`${table}:sql`, { file, table, owner, how: 'sql' });
    if (new RegExp(String.raw`\b${entity}\b`).test(text)) {
      found.set(`${table}:entity`, { file, table, owner, how: 'entity' });
    }
  }
  return [...found.values()];
}

export function scanUsages(): TableUsage[] {
  const owners = tableOwners();
  return productionFiles().flatMap((file) =>
    usagesIn(file, readFileSync(join(ROOT, file), 'utf8'), owners),
  );
}

/** `file table` (one line per file and table, however it is used): the ratchet's unit. */
export const usageKey = (u: Pick<TableUsage, 'file' | 'table'>) => `${u.file} ${u.table}`;
